"""import_ctgov --from-api against recorded pages on a local HTTP server (no internet)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.management import CommandError, call_command

from trialfinder.registry.models import RegistryRecord

FIXTURES = Path(__file__).parent / "fixtures" / "ctgov"

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    """Serves page 1, then page 2 for pageToken=PAGE2TOKEN. `fail_first` 503s first."""
    state = {"requests": [], "fail_first": 0}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            query = parse_qs(urlparse(self.path).query)
            state["requests"].append(query)
            if state["fail_first"]:
                state["fail_first"] -= 1
                self.send_error(503, "Service Unavailable")
                return
            page = (
                "api_page_2.json" if query.get("pageToken") == ["PAGE2TOKEN"] else "api_page_1.json"
            )
            body = (FIXTURES / page).read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # Keep test output quiet.
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state["url"] = f"http://127.0.0.1:{server.server_port}/api/v2/studies"
    yield state
    server.shutdown()
    server.server_close()


def fetch(api, *args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(
        "import_ctgov", "--from-api", "--api-url", api["url"], "--backoff", "0.001", *args,
        stdout=out, stderr=err,
    )  # fmt: skip
    return out.getvalue(), err.getvalue()


def test_it_follows_next_page_tokens(api):
    out, _ = fetch(
        api, "--condition", "cancer", "--status", "RECRUITING", "--country", "United Kingdom"
    )
    assert "created 2" in out
    assert set(RegistryRecord.objects.values_list("nct_id", flat=True)) == {
        "NCT09000007",
        "NCT09000008",
    }
    first, second = api["requests"]
    assert first["query.cond"] == ["cancer"]
    assert first["filter.overallStatus"] == ["RECRUITING"]
    assert first["filter.advanced"] == ['AREA[LocationCountry]"United Kingdom"']
    assert second["pageToken"] == ["PAGE2TOKEN"]


def test_it_retries_a_503_with_back_off(api):
    api["fail_first"] = 1
    out, err = fetch(api)
    assert "HTTP 503; retrying" in err
    assert "created 2" in out


def test_it_stops_at_max(api):
    out, _ = fetch(api, "--max", "1", "--updated-since", "2024-01-01")
    assert "created 1" in out and len(api["requests"]) == 1
    assert api["requests"][0]["pageSize"] == ["1"]
    assert "LastUpdatePostDate]RANGE[2024-01-01,MAX]" in api["requests"][0]["filter.advanced"][0]


def test_it_gives_up_after_its_retries(api):
    api["fail_first"] = 10
    with pytest.raises(CommandError, match="HTTP 503"):
        fetch(api, "--retries", "2")
    assert len(api["requests"]) == 3
