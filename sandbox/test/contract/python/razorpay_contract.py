"""Razorpay's official Python SDK against the sandbox, unchanged but for its base URL.

Run by razorpay-python-sdk.test.ts (which makes the venv and starts a sandbox on port 0):
    python razorpay_contract.py <sandbox url>
with RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET in the environment.
Prints one JSON line {"checks": [...]} naming every check that passed; exits non-zero on the first
that fails.
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import razorpay
import requests
from razorpay.errors import BadRequestError, SignatureVerificationError

SANDBOX = sys.argv[1].rstrip("/")
KEY_ID = os.environ["RAZORPAY_KEY_ID"]
KEY_SECRET = os.environ["RAZORPAY_KEY_SECRET"]
WEBHOOK_SECRET = os.environ["RAZORPAY_WEBHOOK_SECRET"]

# The SDK's documented constructor option; everything else is the SDK as published.
client = razorpay.Client(auth=(KEY_ID, KEY_SECRET), base_url=SANDBOX + "/razorpay")
passed = []


def check(name, condition, detail=""):
    if not condition:
        raise AssertionError(f"{name}: {detail}")
    passed.append(name)


def control(method, path, body=None):
    res = requests.request(method, f"{SANDBOX}/_sandbox{path}", json=body, timeout=10)
    res.raise_for_status()
    return res.json()


def pay(order_id, body):
    """What the sandbox's checkout modal does: the public pay endpoint, the handler payload back."""
    res = requests.post(f"{SANDBOX}/razorpay/_sandbox/orders/{order_id}/pay", json=body, timeout=10)
    return res.status_code, res.json()


CARD = {
    "number": "6527658900001005",
    "expiry_month": 12,
    "expiry_year": time.gmtime().tm_year + 2,
    "cvv": "123",
}


def new_order(amount, receipt):
    return client.order.create(
        {"amount": amount, "currency": "INR", "receipt": receipt, "notes": {"shop": "python"}}
    )


class Hooks(BaseHTTPRequestHandler):
    received = []

    def do_POST(self):  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Hooks.received.append((body, self.headers.get("X-Razorpay-Signature")))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def main():
    receipt = f"py_{int(time.time() * 1000)}"
    order = new_order(50000, receipt)
    check("order.create", order["entity"] == "order" and order["status"] == "created", order)
    check("order.fetch", client.order.fetch(order["id"]) == order)
    check("order.all receipt filter", [o["id"] for o in client.order.all({"receipt": receipt})["items"]] == [order["id"]])
    edited = client.order.edit(order["id"], {"notes": {"packed": "yes"}})
    check("order.edit notes", edited["notes"] == {"packed": "yes"}, edited)

    status, handler = pay(order["id"], {"method": "card", "card": CARD})
    check("pay", status == 200, handler)
    check("utility.verify_payment_signature", client.utility.verify_payment_signature(handler) is True)
    try:
        client.utility.verify_payment_signature({**handler, "razorpay_signature": "0" * 64})
        check("utility.verify_payment_signature rejects a forged signature", False)
    except SignatureVerificationError:
        passed.append("utility.verify_payment_signature rejects a forged signature")

    payment = client.payment.fetch(handler["razorpay_payment_id"])
    check("payment.fetch", payment["status"] == "captured" and payment["order_id"] == order["id"], payment)
    check("order.payments", client.order.payments(order["id"])["count"] == 1)
    check("order paid", client.order.fetch(order["id"])["status"] == "paid")

    refund = client.payment.refund(payment["id"], {"amount": 20000})
    check("payment.refund", refund["entity"] == "refund" and refund["amount"] == 20000, refund)
    check("refund.fetch", client.refund.fetch(refund["id"]) == refund)
    check("payment.fetch_multiple_refund", client.payment.fetch_multiple_refund(payment["id"])["count"] == 1)
    check("partial refund", client.payment.fetch(payment["id"])["refund_status"] == "partial")

    control("PUT", "/settings", {"autoCapture": False})
    try:
        manual = new_order(25000, receipt + "_manual")
        _, handler = pay(manual["id"], {"method": "upi", "vpa": "success@razorpay"})
        authorized = client.payment.fetch(handler["razorpay_payment_id"])
        check("authorized without auto-capture", authorized["status"] == "authorized", authorized)
        captured = client.payment.capture(authorized["id"], 25000, {"currency": "INR"})
        check("payment.capture", captured["status"] == "captured", captured)
    finally:
        control("PUT", "/settings", {"autoCapture": True})

    try:
        client.order.create({"amount": 50, "currency": "INR"})
        check("BadRequestError for a too-small order", False)
    except BadRequestError as err:
        check("BadRequestError for a too-small order", str(err) == "The amount must be at least INR 1.00", str(err))

    # Webhooks: a receiver of our own; every delivery must pass the SDK's signature check.
    server = HTTPServer(("127.0.0.1", 0), Hooks)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    control("PUT", "/webhooks", {"urls": [f"http://127.0.0.1:{server.server_port}/hook"]})
    try:
        hooked = new_order(10000, receipt + "_hook")
        pay(hooked["id"], {"method": "netbanking", "bank": "HDFC", "outcome": "success"})
        deadline = time.time() + 10
        while len(Hooks.received) < 3 and time.time() < deadline:
            time.sleep(0.05)
    finally:
        control("PUT", "/webhooks", {"urls": []})
        server.shutdown()
    events = [json.loads(body)["event"] for body, _ in Hooks.received]
    check("webhooks delivered", events == ["payment.authorized", "payment.captured", "order.paid"], events)
    for body, signature in Hooks.received:
        ok = client.utility.verify_webhook_signature(body.decode("utf-8"), signature, WEBHOOK_SECRET)
        check("utility.verify_webhook_signature", ok is True)
    body, signature = Hooks.received[0]
    try:
        client.utility.verify_webhook_signature(body.decode("utf-8") + " ", signature, WEBHOOK_SECRET)
        check("utility.verify_webhook_signature rejects a changed body", False)
    except SignatureVerificationError:
        passed.append("utility.verify_webhook_signature rejects a changed body")

    print(json.dumps({"sdk": razorpay.__name__, "checks": passed}))


if __name__ == "__main__":
    main()
