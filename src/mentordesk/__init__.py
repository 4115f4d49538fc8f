"""MentorDesk: offline shop-floor records and signed assessment sheets for workplace mentors."""

__version__ = "0.1.0"

APP_NAME = "MentorDesk"
ORG_NAME = "MentorDesk"
ORG_DOMAIN = "mentordesk.org"
APP_ID = "org.mentordesk.MentorDesk"
