# Shared by ops/backup and ops/restore (sourced, not run).
#
# Connection settings from the environment, with local defaults: DB_HOST (127.0.0.1), DB_PORT (3306),
# DB_NAME (physio_portal), DB_USER (physio_portal), DB_PASSWORD (empty). When DB_HOST or DB_NAME is unset and DB_URL
# (the portal's own setting, jdbc:mariadb://host:port/name) is set, they are taken from DB_URL.
# The password reaches the MariaDB tools through a private option file, never the command line.

if [ -n "${DB_URL:-}" ] && [[ "$DB_URL" =~ ^jdbc:(mariadb|mysql)://([^:/?]+)(:([0-9]+))?/([^?]+) ]]; then
  DB_HOST=${DB_HOST:-${BASH_REMATCH[2]}}
  DB_PORT=${DB_PORT:-${BASH_REMATCH[4]:-3306}}
  DB_NAME=${DB_NAME:-${BASH_REMATCH[5]}}
fi
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_NAME=${DB_NAME:-physio_portal}
DB_USER=${DB_USER:-physio_portal}
DB_PASSWORD=${DB_PASSWORD:-}

ops_work=$(mktemp -d "${TMPDIR:-/tmp}/physio-ops.XXXXXX")
chmod 700 "$ops_work"
ops_cleanup_hooks=()
ops_cleanup() {
  local hook
  for hook in "${ops_cleanup_hooks[@]}"; do eval "$hook" || true; done
  rm -rf "$ops_work"
}
trap ops_cleanup EXIT

client_cnf="$ops_work/client.cnf"
(
  umask 077
  escaped=${DB_PASSWORD//\\/\\\\}
  escaped=${escaped//\"/\\\"}
  printf '[client]\nhost=%s\nport=%s\nuser=%s\npassword="%s"\ndefault-character-set=utf8mb4\n' \
    "$DB_HOST" "$DB_PORT" "$DB_USER" "$escaped" >"$client_cnf"
)

say() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
seconds_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

# mariadb with the connection settings; extra arguments follow (e.g. a database name, -e '...').
sql() { mariadb --defaults-extra-file="$client_cnf" -N -B "$@"; }

# The base tables of a database, one a line, in name order.
tables_of() { # $1 database
  sql -e "SELECT table_name FROM information_schema.tables WHERE table_schema = '$1' AND table_type = 'BASE TABLE'
          ORDER BY table_name"
}

# One SELECT that gives a table's row count and checksum, both stable across a dump and restore: the sum over all
# rows of CRC32 of the row's values, each QUOTE()d (so NULL differs from the text 'NULL' and no separator inside a
# value can shift one value into the next), in column order. Independent of the order the rows are stored in.
checksum_query() { # $1 database, $2 table
  local columns
  columns=$(sql -e "SELECT GROUP_CONCAT(CONCAT('QUOTE(\`', column_name, '\`)') ORDER BY ordinal_position SEPARATOR ', ')
                    FROM information_schema.columns WHERE table_schema = '$1' AND table_name = '$2'")
  printf "SELECT '%s', COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS(',', %s))), 0) FROM \`%s\`.\`%s\`;" "$2" "$columns" "$1" "$2"
}

# The Flyway version of a database (the latest successful migration), or "none".
flyway_version_query() { # $1 database
  printf "SELECT CONCAT('flyway ', COALESCE((SELECT version FROM \`%s\`.flyway_schema_history WHERE success = 1
          ORDER BY installed_rank DESC LIMIT 1), 'none'));" "$1"
}
