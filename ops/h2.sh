# The embedded H2 database for ops/backup and ops/restore (sourced, not run). Needs java on the PATH.
# The H2 jar: H2_JAR, or the version pom.xml names from ~/.m2, or the one inside a built portal jar (target/).
# Credentials: H2_USER (sa) and H2_PASSWORD (empty), as in application.properties.

h2_jar() {
  if [ -n "${H2_JAR:-}" ]; then echo "$H2_JAR"; return; fi
  local root version jar
  root=$(cd "$here/.." && pwd)
  version=$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' "$root/pom.xml" 2>/dev/null | head -1)
  jar="$HOME/.m2/repository/com/h2database/h2/$version/h2-$version.jar"
  if [ -n "$version" ] && [ -f "$jar" ]; then echo "$jar"; return; fi
  local portal
  portal=$(ls "$root"/target/physio-portal-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -n "$portal" ]; then
    local inner
    inner=$(unzip -Z1 "$portal" 'BOOT-INF/lib/h2-*.jar' 2>/dev/null | head -1 || true)
    if [ -n "$inner" ]; then
      unzip -p "$portal" "$inner" >"$ops_work/h2.jar"
      echo "$ops_work/h2.jar"
      return
    fi
  fi
  die "no H2 jar: set H2_JAR, or build the portal once (./mvnw package) so it is in ~/.m2 or target/"
}

# Runs one SQL statement on the embedded database file (path without .mv.db), as the portal opens it. AUTO_SERVER=TRUE:
# when a portal has the file open with AUTO_SERVER=TRUE in its URL, this goes through that portal's process; when
# nobody has it open, it opens the file itself. A portal with the default URL holds the file alone: stop it first.
h2_sql() { # $1 database file, $2 statement
  command -v java >/dev/null || die "java is not on the PATH"
  java -cp "$(h2_jar)" org.h2.tools.Shell \
    -url "jdbc:h2:file:$(realpath -m "$1");MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE;AUTO_SERVER=TRUE" \
    -user "${H2_USER:-sa}" -password "${H2_PASSWORD:-}" -sql "$2"
}
