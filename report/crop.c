/*
 * crop.c - the images of failed checks: the part of the PDF page around
 * the row a check is about, rendered by poppler onto a cairo surface,
 * the row's box outlined, written as a PNG of 16 colours (15 greys and
 * the outline's red: text crops compress some four times better than in
 * 24-bit colour).
 *
 * Where: the row's box (rows.csv); without one, the check's figures
 * (found, then expected) looked up on its page in poppler's text and
 * character boxes, as printed (1234.5 or 1,234.5); failing that, the
 * whole page, small.
 *
 * Each document's images are made in a forked child with memory, CPU and
 * wall-time limits, up to `jobs` at a time: the PDF is an input from
 * anywhere, and rendering reaches code (images, fonts) that reading the
 * text did not.  A child that fails costs only its document's images.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "rp.h"

#include <cairo.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <math.h>
#include <png.h>
#include <poppler.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

enum { CHILD_OK = 0, CHILD_NOSRC = 3, CHILD_CHANGED = 4, CHILD_BADPDF = 5, CHILD_WRITE = 6 };

#define RESULTS ".shown" /* the child's results, removed by the parent */
#define NGREY 15 /* palette: greys 0..14, the outline's red 15 */
#define RED 15

/* ---- PNG (libpng), 4 bits per pixel, into memory ---- */

static void png_to_buf(png_structp png, png_bytep data, png_size_t n)
{
	gk_buf_add(png_get_io_ptr(png), (const char *)data, n);
}

static void png_no_flush(png_structp png)
{
	(void)png;
}

/* idx: w*h palette indices, one byte each */
static char *png_encode(const unsigned char *idx, int w, int h, size_t *len, char **err)
{
	gk_buf b = {0};
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	unsigned char *row = gk_malloc((size_t)w / 2 + 1);
	if (!info || setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, info ? &info : NULL);
		free(row);
		gk_buf_drop(&b);
		*err = gk_strdup("cannot encode the PNG");
		return NULL;
	}
	png_set_write_fn(png, &b, png_to_buf, png_no_flush);
	png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 4, PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE,
	             PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_color pal[16];
	for (int i = 0; i < NGREY; i++)
		pal[i].red = pal[i].green = pal[i].blue = (png_byte)(i * 255 / (NGREY - 1));
	pal[RED] = (png_color){214, 39, 40};
	png_set_PLTE(png, info, pal, 16);
	png_set_compression_level(png, 9);
	png_write_info(png, info);
	for (int y = 0; y < h; y++) {
		const unsigned char *p = idx + (size_t)y * (size_t)w;
		for (int x = 0; x < w; x += 2)
			row[x / 2] = (unsigned char)(p[x] << 4 | (x + 1 < w ? p[x + 1] : 0));
		png_write_row(png, row);
	}
	png_write_end(png, info);
	png_destroy_write_struct(&png, &info);
	free(row);
	*len = b.len;
	return gk_buf_take(&b);
}

/* ---- where on the page ---- */

/* "1234567.5" -> "1,234,567.5" (how tables print amounts) */
static char *with_commas(const char *s)
{
	const char *p = s + (*s == '-');
	size_t nint = strspn(p, "0123456789");
	if (nint < 4)
		return NULL;
	gk_buf b = {0};
	gk_buf_add(&b, s, (size_t)(p - s));
	for (size_t i = 0; i < nint; i++) {
		if (i && (nint - i) % 3 == 0)
			gk_buf_addc(&b, ',');
		gk_buf_addc(&b, p[i]);
	}
	gk_buf_adds(&b, p + nint);
	return gk_buf_take(&b);
}

/* A figure worth looking for: at least three digits, nothing else but a
 * sign and a point (a lone "0" or "12" is printed everywhere). */
static int findable(const char *s)
{
	int d = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			d++;
		else if (*p != '.' && *p != '-')
			return 0;
	}
	return d >= 3;
}

static int spacing(unsigned cp)
{
	return cp == ' ' || cp == '\n' || cp == '\r' || cp == '\t' || cp == 0xA0 || cp == 0x3000;
}

static int figure_char(unsigned cp)
{
	return (cp >= '0' && cp <= '9') || cp == '.' || cp == ',';
}

/* Does the character of box b follow that of box a on its line, with no
 * more than a narrow gap (one figure, not the next cell)? */
static int follows(const PopplerRectangle *a, const PopplerRectangle *b)
{
	double ay0 = fmin(a->y1, a->y2), ay1 = fmax(a->y1, a->y2), by0 = fmin(b->y1, b->y2), by1 = fmax(b->y1, b->y2);
	double h = fmax(ay1 - ay0, by1 - by0);
	double gap = fmin(b->x1, b->x2) - fmax(a->x1, a->x2);
	return fabs((ay0 + ay1) - (by0 + by1)) / 2 < h / 2 && gap < 0.4 * h && gap > -0.6 * h;
}

/* The first place s is printed on the page as a figure of its own (no
 * digit, point or comma right before or after it on its line), whatever
 * the text layer puts between its characters: poppler's text joins
 * neighbouring cells ("1,265.6372.03") and may break a figure into runs
 * ("118,267" + ".14"), so its own search finds too much or nothing.  The
 * characters' boxes decide: a match is a run of characters each
 * following the one before on the line.  Its box in points, y from the
 * top.  1 if found. */
static int find_on_page(PopplerPage *pg, const char *s, double box[4])
{
	int fig = findable(s);
	if (!fig && strlen(s) < 12) /* words: four Chinese characters at least */
		return 0;
	char *text = poppler_page_get_text(pg);
	PopplerRectangle *rect = NULL;
	guint nrect = 0;
	if (!text || !poppler_page_get_text_layout(pg, &rect, &nrect)) {
		g_free(text);
		return 0;
	}
	/* the characters (one box each), and those that are not spacing */
	unsigned *cp = gk_calloc((size_t)nrect + 1, sizeof *cp);
	int *at = gk_calloc((size_t)nrect + 1, sizeof *at);
	size_t len = strlen(text), off = 0;
	int n = 0, m = 0;
	while (off < len && n < (int)nrect) {
		int k = gk_utf8_next((const unsigned char *)text + off, len - off, &cp[n]);
		off += k > 0 ? (size_t)k : 1;
		if (!spacing(cp[n]))
			at[m++] = n;
		n++;
	}
	char *forms[2] = {gk_strdup(s), fig ? with_commas(s) : NULL};
	unsigned *w = gk_calloc(strlen(s) + 8, sizeof *w); /* a form's characters */
	int found = 0;
	for (int f = 0; f < 2 && !found; f++) {
		int wl = 0;
		for (size_t o = 0, fl = forms[f] ? strlen(forms[f]) : 0; o < fl;) {
			int q = gk_utf8_next((const unsigned char *)forms[f] + o, fl - o, &w[wl]);
			o += q > 0 ? (size_t)q : 1;
			wl += q > 0 && !spacing(w[wl]);
		}
		for (int k = 0; wl && k + wl <= m && !found; k++) {
			int j = 0;
			while (j < wl && cp[at[k + j]] == w[j] && (j == 0 || follows(&rect[at[k + j - 1]], &rect[at[k + j]])))
				j++;
			if (j < wl)
				continue;
			int first = at[k], last = at[k + wl - 1];
			if (fig && ((k > 0 && figure_char(cp[at[k - 1]]) && follows(&rect[at[k - 1]], &rect[first])) ||
			            (k + wl < m && figure_char(cp[at[k + wl]]) && follows(&rect[last], &rect[at[k + wl]]))))
				continue;
			box[0] = box[1] = 1e18, box[2] = box[3] = -1e18;
			for (int q = k; q < k + wl; q++) {
				const PopplerRectangle *r = &rect[at[q]];
				box[0] = fmin(box[0], fmin(r->x1, r->x2)), box[2] = fmax(box[2], fmax(r->x1, r->x2));
				box[1] = fmin(box[1], fmin(r->y1, r->y2)), box[3] = fmax(box[3], fmax(r->y1, r->y2));
			}
			found = box[2] > box[0] && box[3] > box[1] && isfinite(box[0] + box[1] + box[2] + box[3]);
		}
	}
	free(forms[0]);
	free(forms[1]);
	free(w);
	free(cp);
	free(at);
	g_free(rect);
	g_free(text);
	return found;
}

/* ---- rendering ---- */

static double clampd(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Render the region (points) of pg at scale s, greys quantised; the box
 * (points, may be NULL) outlined in red. */
static unsigned char *render(PopplerPage *pg, const double reg[4], double s, const double *box, int *pw, int *ph)
{
	int w = (int)ceil((reg[2] - reg[0]) * s), h = (int)ceil((reg[3] - reg[1]) * s);
	if (w < 1)
		w = 1;
	if (h < 1)
		h = 1;
	cairo_surface_t *sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(sf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, s, s);
	cairo_translate(cr, -reg[0], -reg[1]);
	poppler_page_render_for_printing(pg, cr); /* what is printed: no annotation pop-ups */
	cairo_destroy(cr);
	cairo_surface_flush(sf);
	unsigned char *idx = gk_malloc((size_t)w * (size_t)h);
	const unsigned char *px = cairo_image_surface_get_data(sf);
	int stride = cairo_image_surface_get_stride(sf);
	for (int y = 0; y < h; y++) {
		const uint32_t *p = (const uint32_t *)(px + (size_t)y * (size_t)stride);
		for (int x = 0; x < w; x++) {
			uint32_t v = p[x];
			unsigned r = v >> 16 & 255, g = v >> 8 & 255, b = v & 255;
			unsigned grey = (r * 299 + g * 587 + b * 114) / 1000;
			idx[(size_t)y * (size_t)w + (size_t)x] = (unsigned char)((grey * (NGREY - 1) + 127) / 255);
		}
	}
	cairo_surface_destroy(sf);
	if (box) {
		/* 2 px outside the box, 2 px wide */
		int x0 = (int)floor((box[0] - reg[0]) * s) - 4, x1 = (int)ceil((box[2] - reg[0]) * s) + 3;
		int y0 = (int)floor((box[1] - reg[1]) * s) - 4, y1 = (int)ceil((box[3] - reg[1]) * s) + 3;
		for (int y = y0; y <= y1; y++)
			for (int x = x0; x <= x1; x++) {
				if (x < 0 || y < 0 || x >= w || y >= h)
					continue;
				if (x <= x0 + 1 || x >= x1 - 1 || y <= y0 + 1 || y >= y1 - 1)
					idx[(size_t)y * (size_t)w + (size_t)x] = RED;
			}
	}
	*pw = w;
	*ph = h;
	return idx;
}

/* The PNG of page pg around box (points, y from the top; NULL: the
 * whole page, small). */
static char *crop_page(PopplerPage *pg, const double *box, size_t *len, char **err)
{
	double pw, ph;
	poppler_page_get_size(pg, &pw, &ph);
	if (!(pw > 1 && ph > 1 && pw < 20000 && ph < 20000)) {
		*err = gk_strdup("the page has no size");
		return NULL;
	}
	double reg[4], s;
	if (!box) {
		/* the whole page, small: the finding is somewhere on it */
		reg[0] = 0, reg[1] = 0, reg[2] = pw, reg[3] = ph;
		s = RP_PAGE_W / pw;
	} else {
		/* across the page (a row, with its labels), some lines above and below */
		if (box[2] - box[0] < 0.6 * pw)
			reg[0] = 0, reg[2] = pw;
		else
			reg[0] = clampd(box[0] - 18, 0, pw), reg[2] = clampd(box[2] + 18, 0, pw);
		s = fmin(RP_CROP_SCALE, RP_CROP_MAX_W / (reg[2] - reg[0]));
		double margin = 40, maxh = RP_CROP_MAX_H / s;
		reg[1] = clampd(box[1] - margin, 0, ph);
		reg[3] = clampd(box[3] + margin, 0, ph);
		if (reg[3] - reg[1] > maxh) { /* a tall box: its top, with a little above */
			reg[1] = clampd(box[1] - 10, 0, ph);
			reg[3] = clampd(reg[1] + maxh, 0, ph);
		}
	}
	int w, h;
	unsigned char *idx = render(pg, reg, s, box, &w, &h);
	char *png = png_encode(idx, w, h, len, err);
	free(idx);
	return png;
}

/* Make crop k of document pd: its box, else what it looks for on its
 * page or the pages after it (up to last_page), else its whole page. */
static char *make_crop(PopplerDocument *pd, rp_crop *k, size_t *len, char **err)
{
	int npages = poppler_document_get_n_pages(pd);
	if (k->page < 1 || k->page > npages) {
		*err = gk_strfmt("no page %d", k->page);
		return NULL;
	}
	k->shown = k->page;
	k->outlined = 0;
	double box[4];
	PopplerPage *pg = NULL;
	if (k->has_box) {
		pg = poppler_document_get_page(pd, k->page - 1);
		double pw = 0, ph = 0;
		if (pg)
			poppler_page_get_size(pg, &pw, &ph);
		box[0] = k->x0, box[1] = k->y0, box[2] = k->x1, box[3] = k->y1;
		k->outlined = box[2] > box[0] && box[3] > box[1] && box[0] < pw && box[1] < ph && box[2] > 0 && box[3] > 0;
	} else {
		int last = k->last_page > k->page ? (k->last_page < npages ? k->last_page : npages) : k->page;
		for (int p = k->page; p <= last && !k->outlined; p++) {
			PopplerPage *q = poppler_document_get_page(pd, p - 1);
			for (int f = 0; q && f < 3 && !k->outlined; f++)
				k->outlined = k->find[f] && find_on_page(q, k->find[f], box);
			if (k->outlined) {
				pg = q;
				k->shown = p;
			} else if (q) {
				g_object_unref(q);
			}
		}
		if (!pg)
			pg = poppler_document_get_page(pd, k->page - 1);
	}
	if (!pg) {
		*err = gk_strfmt("cannot read page %d", k->shown);
		return NULL;
	}
	char *png = crop_page(pg, k->outlined ? box : NULL, len, err);
	g_object_unref(pg);
	return png;
}

char *rp_crop_png(const char *data, size_t len, rp_crop *k, size_t *pnglen, char **err)
{
	GBytes *bytes = g_bytes_new_static(data, len);
	GError *ge = NULL;
	PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, &ge);
	g_bytes_unref(bytes);
	if (!pd) {
		*err = gk_strfmt("cannot open the PDF: %s", ge ? ge->message : "unknown error");
		if (ge)
			g_error_free(ge);
		return NULL;
	}
	char *png = make_crop(pd, k, pnglen, err);
	g_object_unref(pd);
	return png;
}

/* ---- the children ---- */

static _Noreturn void child(const rp_doc *d, int imgfd)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	/* limits: a page takes well under a second; a hostile file gets a few */
	unsigned long long cpu = 20 + 3ull * (unsigned long long)d->ncrop;
	if (!GK_ASAN)
		gk_set_limit(RLIMIT_AS, 1024ull << 20, 1024ull << 20);
	gk_set_limit(RLIMIT_CPU, cpu, cpu + 5);
	alarm((unsigned)(2 * cpu + 30));
	size_t len;
	char *data = gk_read_file(d->source, &len);
	if (!data)
		_exit(CHILD_NOSRC);
	char hex[65];
	gk_sha256_hex(data, len, hex);
	if (d->sha256 && strcmp(hex, d->sha256))
		_exit(CHILD_CHANGED);
	int dfd = gk_subdir_open(imgfd, d->file);
	if (dfd < 0)
		_exit(CHILD_WRITE);
	GBytes *bytes = g_bytes_new_static(data, len);
	PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, NULL);
	g_bytes_unref(bytes);
	if (!pd)
		_exit(CHILD_BADPDF);
	int rc = CHILD_OK;
	size_t total = 0;
	gk_buf res = {0}; /* what each image shows, for the parent: file page outlined over */
	for (int i = 0; i < d->ncrop; i++) {
		rp_crop *k = &d->crops[i];
		size_t n;
		char *err = NULL;
		char *png = make_crop(pd, k, &n, &err);
		if (png && total + n > RP_DOC_BYTES) {
			gk_buf_addf(&res, "%s\t%d\t%d\t1\n", k->file, k->shown, k->outlined);
		} else if (png && gk_write_new_at(dfd, k->file, png, n) < 0) {
			rc = CHILD_WRITE;
		} else if (png) {
			total += n;
			gk_buf_addf(&res, "%s\t%d\t%d\t0\n", k->file, k->shown, k->outlined);
		}
		free(png);
		free(err);
	}
	if (gk_write_new_at(dfd, RESULTS, res.s ? res.s : "", res.len) < 0)
		rc = CHILD_WRITE;
	_exit(rc); /* no clean-up: the process ends */
}

/* The child's results: the images made, what each shows. */
static void reaped(rp_doc *d, int imgfd, int status)
{
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	int dfd = gk_subdir_open(imgfd, d->file);
	size_t len;
	char *res = dfd >= 0 ? gk_read_file_at(dfd, RESULTS, &len) : NULL;
	for (char *line = res, *nl; line && (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = 0;
		char *f[4];
		if (gk_split_tabs(line, f, 4) != 4)
			continue;
		for (int i = 0; i < d->ncrop; i++) {
			rp_crop *k = &d->crops[i];
			if (strcmp(k->file, f[0]))
				continue;
			struct stat st;
			k->made = fstatat(dfd, k->file, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
			k->shown = atoi(f[1]);
			k->outlined = atoi(f[2]);
			k->over = atoi(f[3]);
		}
	}
	free(res);
	if (dfd >= 0) {
		unlinkat(dfd, RESULTS, 0);
		close(dfd);
	}
	switch (code) {
	case CHILD_OK: break;
	case CHILD_NOSRC: d->crop_note = gk_strfmt("the source '%s' cannot be read (moved?)", d->source); break;
	case CHILD_CHANGED:
		d->crop_note = gk_strfmt("the source '%s' has changed since it was read: run gongkai again", d->source);
		break;
	case CHILD_BADPDF: d->crop_note = gk_strdup("poppler cannot open the source PDF"); break;
	case CHILD_WRITE: d->crop_note = gk_strdup("the images could not be written"); break;
	default:
		d->crop_note = WIFSIGNALED(status)
		                   ? gk_strfmt("rendering the pages failed (signal %d: a limit, or a bad page)",
		                               WTERMSIG(status))
		                   : gk_strfmt("rendering the pages failed (exit %d)", code);
	}
}

void rp_crops_make(rp_corpus *c, int imgfd, int jobs)
{
	if (jobs <= 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = n > 0 ? (int)n : 1;
	}
	pid_t *pid = gk_calloc((size_t)jobs, sizeof *pid);
	int *who = gk_calloc((size_t)jobs, sizeof *who);
	int next = 0, running = 0;
	for (;;) {
		while (running < jobs && next < c->n) {
			rp_doc *d = &c->docs[next++];
			if (d->ncrop == 0)
				continue;
			if (!d->source) {
				d->crop_note = gk_strdup("the source file is not known");
				continue;
			}
			if (mkdirat(imgfd, d->file, 0755) < 0) {
				d->crop_note = gk_strfmt("cannot create the image folder: %s", strerror(errno));
				continue;
			}
			fflush(NULL);
			pid_t p = fork();
			if (p < 0) {
				d->crop_note = gk_strfmt("cannot start a renderer: %s", strerror(errno));
				continue;
			}
			if (p == 0)
				child(d, imgfd);
			int s = 0;
			while (pid[s])
				s++;
			pid[s] = p;
			who[s] = (int)(d - c->docs);
			running++;
		}
		if (running == 0)
			break;
		int status;
		pid_t p = waitpid(-1, &status, 0);
		if (p < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int s = 0; s < jobs; s++)
			if (pid[s] == p) {
				reaped(&c->docs[who[s]], imgfd, status);
				pid[s] = 0;
				running--;
				break;
			}
	}
	free(pid);
	free(who);
}
