# outdir.sh - sourced by scripts/harvest and scripts/shard: touching files
# in OUT the way gongkai does (README "Security"), never through a symbolic
# link someone else put there.  Not a command of its own.

# open_lock FILE: open FILE read-only on fd 9 for flock(1), creating it if
# it is missing.  A symbolic link, or anything but a regular file, is
# refused, not followed.  0, or 1 with the reason in $lock_err.
open_lock() {
	local f=$1
	lock_err=
	if [ ! -L "$f" ] && [ ! -e "$f" ]; then
		# noclobber: O_CREAT|O_EXCL, which never follows a link
		(set -C && : >"$f") 2>/dev/null
	fi
	if [ -L "$f" ] || [ ! -f "$f" ]; then
		lock_err="'$f' is not a regular file (a symbolic link?): not followed; remove it"
		return 1
	fi
	if ! exec 9<"$f"; then
		lock_err="cannot open '$f'"
		return 1
	fi
	# the file opened is the one checked: no link was swapped in meanwhile
	if [ -L "$f" ] || [ "$(stat -L -c %d:%i /dev/fd/9)" != "$(stat -c %d:%i -- "$f")" ]; then
		exec 9<&-
		lock_err="'$f' changed while it was opened: not followed"
		return 1
	fi
}

# append_nofollow FILE: append stdin to FILE (created if missing), unless
# FILE is a symbolic link (or a FIFO without a reader).
append_nofollow() {
	dd of="$1" oflag=append,nofollow,nonblock conv=notrunc status=none 2>/dev/null
}

# cat_nofollow FILE: FILE on stdout, nothing if it is missing, a symbolic
# link or not a regular file.
cat_nofollow() {
	[ -f "$1" ] && [ ! -L "$1" ] && dd if="$1" iflag=nofollow,nonblock status=none 2>/dev/null
	return 0
}
