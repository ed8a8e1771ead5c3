"""The structure analysis of a pathways map with python-igraph, for comparison (npm run bench).

Reads a pathways-map JSON file and computes what our `analyze` computes for structure (SPEC): the
undirected simple graph of all nodes, all edges and each program's tie to its organization; degree,
betweenness (normalized as networkx's), PageRank, articulation points, bridges, multilevel (Louvain)
communities with modularity, density. Prints a JSON summary. Usage: python3 igraph_analysis.py MAP
"""
import json
import sys

import igraph


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    ids = [node["id"] for node in data["nodes"]]
    index = {node_id: i for i, node_id in enumerate(ids)}
    pairs = set()

    def tie(a, b):
        if a in index and b in index and a != b:
            i, j = index[a], index[b]
            pairs.add((i, j) if i < j else (j, i))

    for edge in data["edges"]:
        tie(edge["source"], edge["target"])
    for node in data["nodes"]:
        if node.get("type") == "program" and node.get("organization"):
            tie(node["id"], node["organization"])
    graph = igraph.Graph(n=len(ids), edges=sorted(pairs), directed=False)
    n = graph.vcount()
    scale = 1 / ((n - 1) * (n - 2)) if n > 2 else 0
    betweenness = [2 * value * scale for value in graph.betweenness(directed=False)]
    degree = graph.degree()
    pagerank = graph.pagerank(damping=0.85)
    articulation = graph.articulation_points()
    bridges = graph.bridges()
    communities = graph.community_multilevel()
    print(json.dumps({
        "nodes": n,
        "ties": graph.ecount(),
        "maxBetweenness": max(betweenness) if betweenness else 0,
        "maxDegree": max(degree) if degree else 0,
        "maxPagerank": max(pagerank) if pagerank else 0,
        "articulationPoints": len(articulation),
        "bridges": len(bridges),
        "communities": len(communities),
        "modularity": communities.modularity,
        "density": graph.density(),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
