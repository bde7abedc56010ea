"""A small HTTP/JSON client for the Linkage API (stdlib only) and the HS256 token it needs."""
import base64
import hashlib
import hmac
import http.client
import json
import threading
import time
import urllib.parse


def mint_token(signing_key, subject, tenant, permissions=("*:*",), hours=12):
    """HS256 JWT over base64url(header).base64url(payload), with the claims the API validates."""
    def b64(data):
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")

    now = int(time.time())
    header = {"alg": "HS256", "typ": "JWT"}
    payload = {
        "iss": "linkage", "aud": "linkage-api", "sub": subject, "tid": tenant,
        "perm": list(permissions), "iat": now, "nbf": now, "exp": now + hours * 3600,
    }
    signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(payload).encode())
    signature = hmac.new(signing_key.encode(), signing_input.encode("ascii"), hashlib.sha256).digest()
    return signing_input + "." + b64(signature)


class ApiError(Exception):
    pass


class Api:
    """One keep-alive connection per thread; every call returns (status, headers, parsed body)."""

    def __init__(self, base_url, token):
        parsed = urllib.parse.urlparse(base_url)
        self._host, self._port = parsed.hostname, parsed.port
        self._token = token
        self._local = threading.local()

    def _connection(self):
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._local.connection = http.client.HTTPConnection(self._host, self._port, timeout=60)
        return connection

    def call(self, method, path, body=None, headers=None):
        all_headers = {"Authorization": "Bearer " + self._token, "Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        for attempt in (1, 2):
            connection = self._connection()
            try:
                connection.request(method, "/api/v1" + path, body=data, headers=all_headers)
                response = connection.getresponse()
                raw = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                # A keep-alive connection the server closed: reconnect once.
                connection.close()
                self._local.connection = None
                if attempt == 2:
                    raise
        parsed = json.loads(raw) if raw and response.getheader("Content-Type", "").find("json") >= 0 else None
        return response.status, {k.lower(): v for k, v in response.getheaders()}, parsed

    def expect(self, status, method, path, body=None, headers=None):
        got, response_headers, parsed = self.call(method, path, body, headers)
        if got != status:
            raise ApiError(f"{method} {path}: expected {status}, got {got}: {parsed}")
        return response_headers, parsed
