# The graphmap dashboard and CLI, for docker-compose.yml (Neo4j beside it, via NEO4J_*).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

# Graphviz's `dot` draws the zone's network in the zorgraad report.
RUN apt-get update -qq \
    && apt-get install -y -qq --no-install-recommends graphviz \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY graphmap ./graphmap
COPY dashboard ./dashboard
COPY cypher ./cypher
COPY seed ./seed
RUN pip install .

RUN useradd --create-home graphmap \
    && install -d -o graphmap -m 0700 /home/graphmap/data
USER graphmap
# The daily backups and the session key (docker-compose.yml keeps them in a volume).
ENV GRAPHMAP_DATA_DIR=/home/graphmap/data
EXPOSE 8050
CMD ["graphmap", "serve", "--host", "0.0.0.0", "--port", "8050"]
