"""The staffing API's input and output serializers, by area (as staffing.api)."""
