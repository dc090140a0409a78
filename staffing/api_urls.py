from __future__ import annotations

from django.urls import path

from staffing import api, letters_api

urlpatterns = [
    path("me/", api.MeApi.as_view(), name="me"),
    path("staffing/teams/", api.TeamListApi.as_view(), name="team-list"),
    path("staffing/skills/", api.SkillListApi.as_view(), name="skill-list"),
    path("staffing/training/", api.TrainingApi.as_view(), name="training"),
    path("staffing/rota/", api.RotaApi.as_view(), name="rota"),
    path("staffing/on-shift/", api.OnShiftApi.as_view(), name="on-shift"),
    path("staffing/coverage/", api.CoverageApi.as_view(), name="coverage"),
    path("staffing/allocations/suggest/", api.AllocationSuggestApi.as_view(), name="allocation-suggest"),
    path("staffing/allocations/assign/", api.AllocationAssignApi.as_view(), name="allocation-assign"),
    path("staffing/allocations/reassign/", api.AllocationReassignApi.as_view(), name="allocation-reassign"),
    path("staffing/allocations/complete/", api.AllocationCompleteApi.as_view(), name="allocation-complete"),
    path("staffing/access-log/", api.AccessLogApi.as_view(), name="access-log"),
    path("staffing/mopi-review/", api.MopiReviewApi.as_view(), name="mopi-review"),
    path("staffing/subject-access/", api.SubjectAccessApi.as_view(), name="subject-access"),
    path("staffing/workload/", api.WorkloadApi.as_view(), name="workload"),
    path("rules/", api.RuleListApi.as_view(), name="rule-list"),
    path("rules/<str:code>/", api.RuleDetailApi.as_view(), name="rule-detail"),
    # letters (issue 22)
    path("letters/templates/", letters_api.TemplateListApi.as_view(), name="letter-template-list"),
    path(
        "letters/templates/preview/", letters_api.TemplatePreviewApi.as_view(), name="letter-template-preview"
    ),
    path(
        "letters/templates/<int:template_id>/",
        letters_api.TemplateDetailApi.as_view(),
        name="letter-template-detail",
    ),
    path("letters/", letters_api.LetterListApi.as_view(), name="letter-list"),
    path("letters/approvals/", letters_api.ApprovalQueueApi.as_view(), name="letter-approvals"),
    path("letters/<int:letter_id>/", letters_api.LetterDetailApi.as_view(), name="letter-detail"),
    path("letters/<int:letter_id>/pdf/", letters_api.LetterPdfApi.as_view(), name="letter-pdf"),
    path("letters/<int:letter_id>/send/", letters_api.LetterSendApi.as_view(), name="letter-send"),
    path("letters/sends/<int:send_id>/retry/", letters_api.SendRetryApi.as_view(), name="letter-send-retry"),
    path(
        "letters/<int:letter_id>/submit/",
        letters_api.LetterActionApi.as_view(action="submit"),
        name="letter-submit",
    ),
    path(
        "letters/<int:letter_id>/approve/",
        letters_api.LetterActionApi.as_view(action="approve"),
        name="letter-approve",
    ),
    path(
        "letters/<int:letter_id>/return/",
        letters_api.LetterActionApi.as_view(action="return"),
        name="letter-return",
    ),
    path(
        "letters/<int:letter_id>/issue/",
        letters_api.LetterActionApi.as_view(action="issue"),
        name="letter-issue",
    ),
]
