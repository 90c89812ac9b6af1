"""What the windows need from outside, built by the composition root (ymdesk.app) and injected."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ymdesk.core.secrets import NoApiKey, TokenStore
from ymdesk.ui.settings import AppSettings

if TYPE_CHECKING:
    from ymdesk.core.market.client import Campaign, MarketClient
    from ymdesk.core.runs.journal import Journal


@dataclass
class DemoSession:
    """The built-in simulator on 127.0.0.1 and the sample catalog: the whole flow without a real key."""

    api_url: str
    sample_catalog: Path
    stop: Callable[[], None]


@dataclass
class Services:
    settings: AppSettings
    tokens: TokenStore
    journal: Journal
    make_client: Callable[[str, str], MarketClient]  # (token, base_url)
    demo: DemoSession | None = None
    language: str = "en"
    campaigns: list[Campaign] = field(default_factory=list)  # stores from the last connection test, for the run dialog

    @property
    def api_url(self) -> str:
        return self.demo.api_url if self.demo else self.settings.api_url

    def client(self) -> MarketClient:
        """A client for the saved key. Raises NoApiKey when there is no key yet."""
        token = self.tokens.get()
        if not token:
            raise NoApiKey()
        return self.make_client(token, self.api_url)
