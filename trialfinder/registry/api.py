"""Page through the ClinicalTrials.gov API v2 /studies endpoint, politely.

Uses urllib (no extra dependency). Transient failures (HTTP 429 and 5xx, timeouts,
dropped connections) are retried with exponential back-off; anything else stops the run.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from trialfinder.registry.readers import Item

DEFAULT_API_URL = "https://clinicaltrials.gov/api/v2/studies"
RETRY_STATUSES = {429, 500, 502, 503, 504}
USER_AGENT = "trialfinder-import/1.0 (+https://github.com/)"


class ApiError(RuntimeError):
    pass


@dataclass
class Query:
    condition: str = ""
    term: str = ""
    statuses: tuple[str, ...] = ()
    country: str = ""
    updated_since: str = ""  # YYYY-MM-DD

    def params(self) -> dict[str, str]:
        params: dict[str, str] = {}
        if self.condition:
            params["query.cond"] = self.condition
        if self.term:
            params["query.term"] = self.term
        if self.statuses:
            params["filter.overallStatus"] = ",".join(s.upper() for s in self.statuses)
        advanced = []
        if self.country:
            advanced.append(f'AREA[LocationCountry]"{self.country}"')
        if self.updated_since:
            advanced.append(f"AREA[LastUpdatePostDate]RANGE[{self.updated_since},MAX]")
        if advanced:
            params["filter.advanced"] = " AND ".join(advanced)
        return params


class Client:
    def __init__(
        self,
        base_url: str = DEFAULT_API_URL,
        *,
        retries: int = 5,
        backoff: float = 1.0,
        timeout: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        log: Callable[[str], None] = lambda message: None,
    ):
        self.base_url = base_url
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.sleep = sleep
        self.log = log

    def get_json(self, params: dict[str, str]) -> dict:
        url = f"{self.base_url}?{urllib.parse.urlencode(params)}"
        request = urllib.request.Request(
            url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
        )
        for attempt in range(self.retries + 1):
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return json.load(response)
            except urllib.error.HTTPError as exc:
                if exc.code not in RETRY_STATUSES or attempt == self.retries:
                    raise ApiError(f"{url}: HTTP {exc.code}") from exc
                reason = f"HTTP {exc.code}"
            except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
                if attempt == self.retries:
                    raise ApiError(f"{url}: {exc}") from exc
                reason = str(exc)
            except ValueError as exc:
                raise ApiError(f"{url}: not JSON ({exc})") from exc
            delay = self.backoff * 2**attempt
            self.log(f"{reason}; retrying in {delay:g}s ({attempt + 1}/{self.retries})")
            self.sleep(delay)
        raise AssertionError("unreachable")

    def studies(self, query: Query, *, max_studies: int | None = None, page_size: int = 100):
        """Yield Items, page after page, until the results or max_studies run out."""
        return self._studies(query, max_studies, page_size)

    def _studies(self, query: Query, max_studies: int | None, page_size: int) -> Iterator[Item]:
        params = {**query.params(), "format": "json"}
        seen, page_number, token = 0, 0, None
        while True:
            size = page_size if max_studies is None else min(page_size, max_studies - seen)
            if size <= 0:
                return
            page = self.get_json(
                {**params, "pageSize": str(size), **({"pageToken": token} if token else {})}
            )
            for index, study in enumerate(page.get("studies") or []):
                yield Item("api", f"page {page_number} study {index}", study=study)
                seen += 1
                if max_studies is not None and seen >= max_studies:
                    return
            token = page.get("nextPageToken")
            page_number += 1
            if not token:
                return
