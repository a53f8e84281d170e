"""kehoach: Vietnamese government plans (Kế hoạch) to structured JSON."""
__version__ = "0.1.0"
