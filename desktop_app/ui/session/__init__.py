"""Setting up, logging in and passwords."""
