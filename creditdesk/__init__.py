"""CreditDesk (信用核查窗口助手): the credit check desk at a service-hall window.

The packages below ``creditdesk`` except ``creditdesk.ui`` never import Qt.
"""

__version__ = "0.1.0"
