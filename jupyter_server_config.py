"""JupyterLab for rerunning the notebooks (`make lab`): loopback only, and offline in the browser.

jupyterlab-quarto, which renders the pages' Quarto markup, loads MathJax and a polyfill from public
CDNs (blocked in mainland China) whenever it renders markdown. The pages have no maths, so scripts
are limited to JupyterLab's own origin: the notebook works the same and nothing is fetched from outside.
"""
c = get_config()  # noqa: F821 - provided by Jupyter's config loader
c.ServerApp.ip = "127.0.0.1"
c.ServerApp.tornado_settings = {
    "headers": {
        "Content-Security-Policy": "frame-ancestors 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' blob: data:",
    },
}
