# Shared by .ci/run and bench/run (sourced, not run): pick a JDK 21+ and make sure MariaDB answers.
# Both expect a function `say` for progress lines.

jdk_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }

# Keeps JAVA_HOME when it is 21 or newer, otherwise takes the newest JDK under /usr/lib/jvm; exports it on PATH.
use_jdk21() {
  if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(jdk_major "$JAVA_HOME")" -lt 21 ]; then
    JAVA_HOME=""
    local candidate major
    for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's#/$##'); do
      [ -x "$candidate/bin/javac" ] || continue
      major=$(jdk_major "$candidate")
      if [ -n "$major" ] && [ "$major" -ge 21 ]; then
        if [ -z "$JAVA_HOME" ] || [ "$major" -gt "$(jdk_major "$JAVA_HOME")" ]; then JAVA_HOME="$candidate"; fi
      fi
    done
  fi
  if [ -z "$JAVA_HOME" ]; then
    echo "No JDK 21 or newer found under /usr/lib/jvm and JAVA_HOME is unset or too old. Install one (e.g. Temurin 25)." >&2
    exit 1
  fi
  export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
}

# Installs MariaDB with apt when it is missing, starts it when it is down, and waits until it answers.
ensure_mariadb() {
  if ! mariadb-admin ping >/dev/null 2>&1; then
    if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
      say "Installing MariaDB"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq mariadb-server >/dev/null
    fi
    say "Starting MariaDB"
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    for _ in $(seq 1 60); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 1; done
    mariadb-admin ping >/dev/null
  fi
}
