from __future__ import annotations

from django.urls import path

from staffing import api

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
]
