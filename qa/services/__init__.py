"""Every write of the QA app, split by area: sweep (unrecorded incidents), dip_test (sampling, audits,
amendments), rape_review (the sergeant's daily review)."""
