# syntax=docker/dockerfile:1
# Sales Desk in Slack's HTTP mode: gunicorn on port 3000, GET /healthz for the health check.
#   docker build -t salesdesk .
#   docker run -p 3000:3000 -v salesdesk-data:/data \
#     -e SLACK_BOT_TOKEN=xoxb-… -e SLACK_SIGNING_SECRET=… salesdesk

# Build: the app and its dependencies in a virtualenv (every dependency ships a wheel, so no
# compiler is needed even here; this stage only keeps the sources and pip out of the image).
FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/salesdesk
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot bot
COPY commands commands
COPY jobs jobs
COPY storage storage
RUN /opt/salesdesk/bin/pip install . \
    && /opt/salesdesk/bin/pip uninstall --yes pip setuptools

# Run: the virtualenv only, as an unprivileged user. The working directory /data is where the
# embedded SQLite file lands when DATABASE_URL is not set: mount a volume there to keep it.
FROM python:3.11-slim
ENV PATH=/opt/salesdesk/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
RUN groupadd --system --gid 10001 salesdesk \
    && useradd --system --uid 10001 --gid salesdesk --no-create-home salesdesk \
    && mkdir /data && chown salesdesk:salesdesk /data
COPY --from=build /opt/salesdesk /opt/salesdesk
USER salesdesk
WORKDIR /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=4)"]
CMD ["salesdesk", "serve", "--http", "--host", "0.0.0.0", "--port", "3000", "--workers", "2"]
