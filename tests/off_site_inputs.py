"""The inputs every link built from a request is tested with: each would lead off the
site if followed as written (or once percent-decoded), and a normal path that stays."""

OFF_SITE = [
    "//evil.example/",
    "/\\evil.example/",
    "http://evil.example/",
    "https:evil.example",
    "/%2F%2Fevil.example/",
    "/\\\\evil.example",
]
NORMAL_PATH = "/news/"
