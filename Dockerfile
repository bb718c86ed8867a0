# The guide as one container: one Streamlit process, port 8501, health probe at /_stcore/health. Several of them
# behind a proxy: deploy/ (HAProxy on one machine, or the Kubernetes manifests in deploy/kubernetes/).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# A Korean font for the summary PDF in Korean (Nanum, SIL Open Font License), from Debian's package.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-nanum && rm -rf /var/lib/apt/lists/*

COPY requirements.txt .
RUN pip install --require-hashes -r requirements.txt

COPY .streamlit .streamlit
COPY knowledge knowledge
COPY ui ui
COPY live live
COPY serving serving
COPY pages pages
COPY static static
COPY app.py serve.py ./

# Refuse to build an image whose content does not validate; run as an unprivileged user. Its number is fixed so
# Kubernetes can check it is not root (deploy/kubernetes/guide.yaml: runAsNonRoot, runAsUser 10001).
RUN python -m knowledge check && useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin guide
USER 10001

EXPOSE 8501
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=2)"
CMD ["python", "serve.py", "--server.port", "8501", "--server.address", "0.0.0.0"]
