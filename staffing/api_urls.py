from __future__ import annotations

from django.urls import path

from staffing.api import allocation, catalogue, data_protection, letter_templates, letters, staff

urlpatterns = [
    path("me/", staff.MeApi.as_view(), name="me"),
    path("staffing/teams/", staff.TeamListApi.as_view(), name="team-list"),
    path("staffing/skills/", staff.SkillListApi.as_view(), name="skill-list"),
    path("staffing/training/", staff.TrainingApi.as_view(), name="training"),
    path("staffing/rota/", staff.RotaApi.as_view(), name="rota"),
    path("staffing/on-shift/", staff.OnShiftApi.as_view(), name="on-shift"),
    path("staffing/coverage/", staff.CoverageApi.as_view(), name="coverage"),
    path(
        "staffing/allocations/suggest/", allocation.AllocationSuggestApi.as_view(), name="allocation-suggest"
    ),
    path("staffing/allocations/assign/", allocation.AllocationAssignApi.as_view(), name="allocation-assign"),
    path(
        "staffing/allocations/reassign/",
        allocation.AllocationReassignApi.as_view(),
        name="allocation-reassign",
    ),
    path(
        "staffing/allocations/complete/",
        allocation.AllocationCompleteApi.as_view(),
        name="allocation-complete",
    ),
    path("staffing/access-log/", data_protection.AccessLogApi.as_view(), name="access-log"),
    path("staffing/mopi-review/", data_protection.MopiReviewApi.as_view(), name="mopi-review"),
    path("staffing/subject-access/", data_protection.SubjectAccessApi.as_view(), name="subject-access"),
    path("staffing/workload/", staff.WorkloadApi.as_view(), name="workload"),
    path("rules/", catalogue.RuleListApi.as_view(), name="rule-list"),
    path("rules/<str:code>/", catalogue.RuleDetailApi.as_view(), name="rule-detail"),
    # letters (issue 22)
    path("letters/templates/", letter_templates.TemplateListApi.as_view(), name="letter-template-list"),
    path(
        "letters/templates/preview/",
        letter_templates.TemplatePreviewApi.as_view(),
        name="letter-template-preview",
    ),
    path(
        "letters/templates/<int:template_id>/",
        letter_templates.TemplateDetailApi.as_view(),
        name="letter-template-detail",
    ),
    path("letters/", letters.LetterListApi.as_view(), name="letter-list"),
    path("letters/approvals/", letters.ApprovalQueueApi.as_view(), name="letter-approvals"),
    path("letters/<int:letter_id>/", letters.LetterDetailApi.as_view(), name="letter-detail"),
    path("letters/<int:letter_id>/pdf/", letters.LetterPdfApi.as_view(), name="letter-pdf"),
    path("letters/<int:letter_id>/send/", letters.LetterSendApi.as_view(), name="letter-send"),
    path("letters/sends/<int:send_id>/retry/", letters.SendRetryApi.as_view(), name="letter-send-retry"),
    path(
        "letters/<int:letter_id>/submit/",
        letters.LetterActionApi.as_view(action="submit"),
        name="letter-submit",
    ),
    path(
        "letters/<int:letter_id>/approve/",
        letters.LetterActionApi.as_view(action="approve"),
        name="letter-approve",
    ),
    path(
        "letters/<int:letter_id>/return/",
        letters.LetterActionApi.as_view(action="return"),
        name="letter-return",
    ),
    path(
        "letters/<int:letter_id>/issue/",
        letters.LetterActionApi.as_view(action="issue"),
        name="letter-issue",
    ),
]
