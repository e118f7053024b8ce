"""Re-exports one raising helper, so that `tools.first` resolves through the package."""

from .items import first
