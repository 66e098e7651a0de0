"""Outputs: JSON now; chronology, ICS, TimelineJS and notebooks to come."""
