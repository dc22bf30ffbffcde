/* extract.c - stage 1 entry points: sniff a buffer, read a file. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "extract.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const gk_limits gk_default_limits = {2048, 120, 180};

static int ocr_on = 1;
static void (*ocr_page_fn)(void);

void gk_extract_set_ocr(int on)
{
	ocr_on = on;
}

int gk_extract_ocr_enabled(void)
{
	return ocr_on;
}

void gk_extract_on_ocr_page(void (*fn)(void))
{
	ocr_page_fn = fn;
}

void gk_extract_ocr_page_begin(void)
{
	if (ocr_page_fn)
		ocr_page_fn();
}

static int is_pdf(const char *data, size_t len)
{
	size_t n = len < 1024 ? len : 1024;
	return n >= 5 && memmem(data, n, "%PDF-", 5) != NULL;
}

int gk_extract_buffer(const char *path, const char *data, size_t len, gk_doc **out, char **err)
{
	*out = NULL;
	*err = NULL;
	if (is_pdf(data, len))
		return gk_extract_pdf(path, data, len, out, err);
	return gk_extract_text(path, data, len, out, err);
}

int gk_extract_file(const char *path, gk_doc **out, char **err)
{
	*out = NULL;
	*err = NULL;
	/* O_NONBLOCK so that opening a FIFO without a writer does not block;
	 * blocking again for the reads (a FIFO without a writer reads as empty) */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		*err = gk_strfmt("cannot open: %s", strerror(errno));
		return GK_EOPEN;
	}
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	struct stat st;
	if (fstat(fd, &st) < 0) {
		*err = gk_strfmt("cannot open: %s", strerror(errno));
		close(fd);
		return GK_EOPEN;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		*err = gk_strdup("is a directory");
		return GK_EOPEN;
	}
	/* read it all; st_size is only a hint (pipes, growing files) */
	size_t cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
	size_t len = 0;
	char *data = gk_malloc(cap);
	for (;;) {
		if (len == cap) {
			cap *= 2;
			data = gk_realloc(data, cap);
		}
		ssize_t r = read(fd, data + len, cap - len);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			free(data);
			close(fd);
			if (e == EISDIR) {
				*err = gk_strdup("is a directory");
				return GK_EOPEN;
			}
			*err = gk_strfmt("cannot read: %s", strerror(e));
			return GK_EOPEN;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	if (len == 0) {
		free(data);
		*err = gk_strdup("empty file");
		return GK_EFORMAT;
	}
	int rc = gk_extract_buffer(path, data, len, out, err);
	free(data);
	return rc;
}

/* "3,4,5" -> 3 */
static int count_pages(const char *list)
{
	int n = 0;
	for (const char *p = list; p && *p; p++)
		n += (*p >= '0' && *p <= '9') && (p == list || p[-1] == ',');
	return n;
}

void gk_extract_warn(const char *path, const gk_doc *doc)
{
	const char *rep = gk_doc_meta(doc, "repaired");
	const char *nt = gk_doc_meta(doc, "pages_without_text");
	const char *gb = gk_doc_meta(doc, "pages_garbled");
	const char *oc = gk_doc_meta(doc, "ocr_pages");
	if (rep && !strcmp(rep, "yes"))
		gk_warn("'%s': damaged PDF: its cross-reference table was rebuilt", path);
	if (nt && *nt)
		gk_warn("'%s': %d page%s without text: %s", path, count_pages(nt), count_pages(nt) == 1 ? "" : "s", nt);
	if (gb && *gb) {
		/* read by OCR, or left out */
		gk_buf lost = {0};
		for (const char *p = gb; *p;) {
			int v = 0;
			const char *q = p;
			while (*q >= '0' && *q <= '9')
				v = v * 10 + (*q++ - '0');
			char one[16];
			snprintf(one, sizeof one, "%d", v);
			int read = 0;
			for (const char *o = oc; o && *o;) {
				int w = 0;
				while (*o >= '0' && *o <= '9')
					w = w * 10 + (*o++ - '0');
				read |= w == v;
				while (*o && (*o < '0' || *o > '9'))
					o++;
			}
			if (!read) {
				if (lost.len)
					gk_buf_addc(&lost, ',');
				gk_buf_adds(&lost, one);
			}
			p = *q ? q + 1 : q;
		}
		if (lost.len)
			gk_warn("'%s': %d page%s of undecodable text left out: %s", path, count_pages(lost.s),
			        count_pages(lost.s) == 1 ? "" : "s", lost.s);
		gk_buf_drop(&lost);
	}
}
