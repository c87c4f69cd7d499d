"""The app's dialogs: small screens over another one that ask one thing and give back the answer."""
