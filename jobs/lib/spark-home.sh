# Sourced by jobs/iip and jobs/standalone: makes SPARK_HOME point at a Spark with jars/. When none is set, it builds
# target/spark-home/jars from the Maven artifacts once (Spark's own artifacts, which the pom marks provided, plus
# those Delta also needs and so count as compile or runtime, such as the Scala library and log4j-core: everything
# but what the application jar bundles). Never committed: target/ is build output.
ensure_spark_home() {
  local project="$1"
  if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
    export SPARK_HOME
    return 0
  fi
  if [[ -z "${SPARK_HOME:-}" ]]; then
    SPARK_HOME="$project/target/spark-home"
    if [[ ! -d "$SPARK_HOME/jars" ]]; then
      echo "building $SPARK_HOME from the Maven artifacts (once)..." >&2
      (cd "$project" && mvn -q -B dependency:copy-dependencies -DincludeScope=provided \
          -DoutputDirectory="$SPARK_HOME/jars" && mvn -q -B dependency:copy-dependencies -DincludeScope=runtime \
          -DexcludeGroupIds=io.delta,io.unitycatalog,org.apache.poi,org.apache.xmlbeans,com.zaxxer,com.github.virtuald,org.postgresql \
          -DoutputDirectory="$SPARK_HOME/jars") >&2 || { echo "could not build $SPARK_HOME" >&2; return 1; }
    fi
  fi
  if [[ ! -d "$SPARK_HOME/jars" ]]; then
    echo "SPARK_HOME=$SPARK_HOME has neither bin/spark-submit nor jars/; point it at a Spark 4.2 distribution" >&2
    return 1
  fi
  export SPARK_HOME SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"
}
