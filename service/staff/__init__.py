"""Staff accounts, login sessions, roles and CSRF protection for the console and its API."""
