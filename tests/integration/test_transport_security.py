"""TLS is always verified; a corporate CA works through REQUESTS_CA_BUNDLE or SSL_CERT_FILE; logs hide keys.

The simulator serves real HTTPS here, with a certificate from a throwaway CA made in the test.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import ssl
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from ymdesk.core.logs import RedactingFilter
from ymdesk.core.market.client import MarketClient, TransportError
from ymdesk.core.simulator import DEMO_API_KEY, Limits, MarketSimulator, build_demo_state


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _key_usage(*allowed: str) -> x509.KeyUsage:
    """A KeyUsage that allows just `allowed`: x509.KeyUsage wants each of its nine flags said."""
    flags = ("digital_signature", "content_commitment", "key_encipherment", "data_encipherment", "key_agreement")
    flags += ("key_cert_sign", "crl_sign", "encipher_only", "decipher_only")
    return x509.KeyUsage(**{flag: flag in allowed for flag in flags})


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A CA ("Corp Proxy CA") and a server certificate for 127.0.0.1 signed by it."""
    folder = tmp_path_factory.mktemp("pki")
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("Corp Proxy CA"))
        .issuer_name(_name("Corp Proxy CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_key_usage("digital_signature", "key_cert_sign", "crl_sign"), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = {"ca": folder / "ca.pem", "cert": folder / "server.pem", "key": folder / "server.key"}
    paths["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths["cert"].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths["key"].write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return paths


@pytest.fixture(autouse=True)
def no_ca_settings(monkeypatch):
    """This machine (and CI) may point these at the system bundle; each test sets what it needs."""
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def https_sim(pki):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(pki["cert"], pki["key"])
    with MarketSimulator(build_demo_state([f"S{i}" for i in range(30)]), limits=Limits.unlimited(), tls=context) as sim:
        assert sim.url.startswith("https://127.0.0.1:")
        yield sim


def test_an_unknown_ca_is_refused_with_a_clear_hint(https_sim, monkeypatch):
    with MarketClient(DEMO_API_KEY, https_sim.url, timeout=(3, 3)) as client, pytest.raises(TransportError) as err:
        client.campaigns()
    assert "certificate" in err.value.message.english() and "REQUESTS_CA_BUNDLE" in err.value.message.english()


@pytest.mark.parametrize("variable", ["REQUESTS_CA_BUNDLE", "SSL_CERT_FILE"])
def test_a_corporate_ca_bundle_works(https_sim, pki, monkeypatch, variable):
    monkeypatch.setenv(variable, str(pki["ca"]))
    with MarketClient(DEMO_API_KEY, https_sim.url, timeout=(3, 3)) as client:
        assert client.campaigns()


def test_verification_cannot_be_switched_off_through_the_environment(https_sim, monkeypatch):
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
        monkeypatch.setenv(name, "")
    with MarketClient(DEMO_API_KEY, https_sim.url, timeout=(3, 3)) as client:
        assert client._session.verify is True
        with pytest.raises(TransportError):
            client.campaigns()


def test_logs_redact_keys_and_authorization(caplog):
    logger = logging.getLogger("ymdesk.test.redaction")
    logger.addFilter(RedactingFilter(("s3cret-token-value",)))
    with caplog.at_level(logging.INFO, logger="ymdesk.test.redaction"):
        logger.info("headers: {'Api-Key': 'abc123', 'Authorization': 'Bearer xyz789'}")
        logger.info("Api-Key: plain456 sent")
        logger.info("token %s leaked", "s3cret-token-value")
    text = caplog.text
    for secret in ("abc123", "xyz789", "plain456", "s3cret-token-value"):
        assert secret not in text
    assert text.count("***") == 4
