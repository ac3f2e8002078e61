"""Point Material's offline plugin at the vendored iframe-worker shim instead of a CDN.

The offline plugin adds `https://unpkg.com/iframe-worker/shim` to `extra.polyfills`
unless a script with `iframe-worker` in its name is listed already. Listing the vendored
copy only in the offline build keeps the online pages free of a script they never use.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

SHIM = "assets/vendor/iframe-worker/shim.js"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    offline = config.plugins.get("material/offline")
    if offline is None or not offline.config.enabled:
        return config
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, SHIM]
    return config
