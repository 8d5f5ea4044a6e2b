"""The Q&A resources of the API: questions, their answers, lawyers, categories.

Viewsets declare who may do what (consult.permissions decides), which filters and pagination
apply and what they read; each write action parses its input and calls one service.

- questions: QuestionViewSet, with the rows it reads and its permission
- answers: AnswerViewSet, under a question, with its permission
- directory: LawyerViewSet and CategoryViewSet, read-only
"""
