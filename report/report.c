/*
 * report.c - gk_report_build: read OUT, make the images, write the pages
 * into a fresh temporary directory of OUT, and swap it in for
 * OUT/report in one rename (a reader sees the old report or the new one;
 * a killed run leaves a temporary directory the next run removes).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "report.h"
#include "rp.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define REPORT_DIR "report"

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Bytes and files under dirfd (the report just written). */
static void du(int dirfd, long long *bytes, long *files)
{
	DIR *d = gk_dir_list(dirfd);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		struct stat st;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			int sfd = gk_subdir_open(dirfd, e->d_name);
			if (sfd >= 0) {
				du(sfd, bytes, files);
				close(sfd);
			}
		} else {
			*bytes += st.st_size;
			(*files)++;
		}
	}
	closedir(d);
}

/* Put tmp at OUT/report, replacing the old report (or a link there). */
static int swap_in(int outfd, const char *tmp)
{
	struct stat st;
	if (fstatat(outfd, REPORT_DIR, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno == ENOENT ? renameat(outfd, tmp, outfd, REPORT_DIR) : -1;
	if (!S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode)) {
		errno = EEXIST;
		return -1;
	}
	if (renameat2(outfd, tmp, outfd, REPORT_DIR, RENAME_EXCHANGE) == 0) {
		gk_rmtree_at(outfd, tmp); /* now the old one */
		return 0;
	}
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		return -1;
	char *old;
	if (gk_rename_aside(outfd, REPORT_DIR, "old", &old) < 0)
		return -1;
	if (renameat(outfd, tmp, outfd, REPORT_DIR) < 0) {
		int e = errno;
		renameat(outfd, old, outfd, REPORT_DIR);
		free(old);
		errno = e;
		return -1;
	}
	gk_rmtree_at(outfd, old);
	free(old);
	return 0;
}

/* OUT/report must not be a document's directory (a document named
 * "report"): the report would replace it. */
static int name_free(int outfd)
{
	int sfd = gk_subdir_open(outfd, REPORT_DIR);
	if (sfd < 0)
		return 1;
	struct stat st;
	int doc = fstatat(sfd, "document.csv", &st, AT_SYMLINK_NOFOLLOW) == 0;
	close(sfd);
	return !doc;
}

int gk_report_build(const char *outdir, int outfd, int jobs, int quiet)
{
	double t0 = now_s();
	if (!name_free(outfd)) {
		gk_error("cannot write '%s/%s': it is the directory of the document '%s' (rename its file)", outdir,
		         REPORT_DIR, REPORT_DIR);
		return GK_EWRITE;
	}
	rp_corpus c;
	char *err = NULL;
	if (rp_read(&c, outdir, outfd, &err) < 0) {
		gk_error("%s", err);
		free(err);
		return GK_EWRITE;
	}
	char *tmp = NULL;
	int rc = GK_OK, e = 0;
	int tfd = gk_tmpdir_at(outfd, REPORT_DIR, &tmp), imgfd = -1, docsfd = -1;
	if (tfd < 0 || mkdirat(tfd, "img", 0755) < 0 || mkdirat(tfd, "docs", 0755) < 0 ||
	    (imgfd = gk_subdir_open(tfd, "img")) < 0 || (docsfd = gk_subdir_open(tfd, "docs")) < 0) {
		e = errno;
		goto fail;
	}
	rp_crops_make(&c, imgfd, jobs);
	for (int i = 0; i < c.n; i++)
		if (c.docs[i].has_dir && rp_write_doc_page(&c, &c.docs[i], docsfd) < 0) {
			e = errno;
			goto fail;
		}
	if (rp_write_index(&c, tfd) < 0) {
		e = errno;
		goto fail;
	}
	long long bytes = 0;
	long files = 0, images = 0;
	du(tfd, &bytes, &files);
	for (int i = 0; i < c.n; i++)
		for (int k = 0; k < c.docs[i].ncrop; k++)
			images += c.docs[i].crops[k].made;
	gk_fsync_fd(tfd);
	if (swap_in(outfd, tmp) < 0) {
		e = errno;
		goto fail;
	}
	gk_fsync_fd(outfd);
	if (!quiet)
		fprintf(stderr, "%s: report '%s/%s/index.html': %d documents, %ld images, %.1f MiB, %.1f s\n",
		        gk_progname, outdir, REPORT_DIR, c.n, images, (double)bytes / (1024.0 * 1024.0), now_s() - t0);
	goto out;
fail:
	gk_error("cannot write '%s/%s': %s", outdir, REPORT_DIR, strerror(e ? e : EIO));
	if (tmp && tfd >= 0)
		gk_rmtree_at(outfd, tmp);
	rc = GK_EWRITE;
out:
	if (imgfd >= 0)
		close(imgfd);
	if (docsfd >= 0)
		close(docsfd);
	if (tfd >= 0)
		close(tfd);
	free(tmp);
	rp_corpus_drop(&c);
	return rc;
}
