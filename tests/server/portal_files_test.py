"""The server serves the portal's built files (--portal) next to the API:
index.html at /, the WASM module as application/wasm, the same security
headers as the API, and the API routes still answered by the API."""
import http.client
import os
import shutil
import unittest

import server_harness as h


class PortalFiles(unittest.TestCase):
    def setUp(self):
        self.work = h.workdir()
        portal = os.path.join(self.work, "portal")
        os.makedirs(os.path.join(portal, "assets"))
        with open(os.path.join(portal, "index.html"), "w", encoding="utf-8") as f:
            f.write("<!doctype html><title>电费试算</title>")
        with open(os.path.join(portal, "assets", "powerdesk.wasm"), "wb") as f:
            f.write(b"\0asm\1\0\0\0")
        with open(os.path.join(portal, "assets", "app.js"), "w") as f:
            f.write("export {};\n")
        self.server = h.Server(os.path.join(self.work, "t.db"), self.work, h.key_file(self.work),
                               extra=["--portal", portal])

    def tearDown(self):
        self.server.stop()
        shutil.rmtree(self.work, ignore_errors=True)

    def get(self, path):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
        conn.close()
        return r, body

    def test_index_is_served_at_the_root_with_security_headers(self):
        r, body = self.get("/")
        self.assertEqual(r.status, 200)
        self.assertEqual(body.decode("utf-8"), "<!doctype html><title>电费试算</title>")
        self.assertTrue(r.getheader("Content-Type").startswith("text/html"))
        self.assertEqual(r.getheader("X-Content-Type-Options"), "nosniff")
        self.assertEqual(r.getheader("X-Frame-Options"), "DENY")
        self.assertIn("frame-ancestors 'none'", r.getheader("Content-Security-Policy"))
        self.assertIn("'wasm-unsafe-eval'", r.getheader("Content-Security-Policy"))

    def test_wasm_and_scripts_have_their_types(self):
        r, body = self.get("/assets/powerdesk.wasm")
        self.assertEqual((r.status, r.getheader("Content-Type"), body), (200, "application/wasm", b"\0asm\1\0\0\0"))
        r, _ = self.get("/assets/app.js")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.getheader("Content-Type").startswith("text/javascript"), r.getheader("Content-Type"))

    def test_the_api_is_still_the_api(self):
        r, body = self.get("/api/v1/rules")
        self.assertEqual(r.status, 200)
        self.assertIn(b'"cn-national-2024"', body)
        r, _ = self.get("/missing.html")
        self.assertEqual(r.status, 404)
        r, _ = self.get("/../../etc/passwd")
        self.assertNotEqual(r.status, 200)


if __name__ == "__main__":
    unittest.main()
