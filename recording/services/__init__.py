"""Every write in crime recording. Split by area; import from the submodules."""
