#!/usr/bin/env bash
# Times delivery bundles against the issue's targets: 15 km LSTprecision under 300 ms, 110 km LSTfusion under 3 s,
# 500 km LSTfusion completing with the heap capped at 512 MB. Needs a built server (mvn -B -DskipTests install).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -ntp -q -pl server dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" > /dev/null
cp="server/target/classes:$(cat "$work/cp.txt")"
javac -cp "$cp" -d "$work" bench/delivery/DeliveryBench.java
java -cp "$work:$cp" DeliveryBench LSTprecision 15 20
java -cp "$work:$cp" DeliveryBench LSTfusion 110 5
java -Xmx512m -cp "$work:$cp" DeliveryBench LSTfusion 500 1
