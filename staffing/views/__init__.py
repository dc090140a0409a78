"""Staffing pages, by area: thin views (permission check, form/selector, service call, redirect or
render). `staffing.urls` routes to each module."""
