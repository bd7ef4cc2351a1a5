#!/usr/bin/python3
"""The peer of `iso-samp quicklook` in bench/quicklook.sh: astropy + matplotlib drawing the same quick look
from the same downloaded FITS file, at the same size (900 x 600 pixels), into a PNG.

  spectrum: one line per table extension (ISO's segments), labelled by its DETECTOR (or EXTNAME) card, the
            spectral and flux columns with their TUNITs on the axes, a legend and the title TDT · INSTRUME · OBJECT
  image:    a linear stretch between the 0.5th and 99.5th percentiles (PercentileInterval(99)), viridis,
            north up (origin='lower'), RA/Dec axes from the WCS (WCSAxes), a colour bar labelled with BUNIT

usage: quicklook_astropy.py PRODUCT.fits OUT.png
"""
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from astropy.io import fits
from astropy.visualization import ImageNormalize, LinearStretch, PercentileInterval
from astropy.wcs import WCS


def title(h0):
    parts = ["TDT " + str(h0.get("TDT", "")).strip()]
    for key in ("INSTRUME", "OBJECT"):
        if str(h0.get(key, "")).strip():
            parts.append(str(h0[key]).strip())
    return " · ".join(parts)


def main(src, out):
    with fits.open(src) as hdul:
        h0 = hdul[0].header
        tables = [h for h in hdul[1:] if isinstance(h, (fits.TableHDU, fits.BinTableHDU))]
        fig = plt.figure(figsize=(9, 6), dpi=100)
        if tables:
            ax = fig.add_subplot(111)
            cols = tables[0].columns
            xunit, yunit = cols["WAVE"].unit, cols["FLUX"].unit
            for i, t in enumerate(tables):
                name = t.header.get("DETECTOR") or t.header.get("EXTNAME") or "HDU %d" % (i + 1)
                ax.plot(t.data["WAVE"], t.data["FLUX"], lw=1.2, label=name)
            ax.set_xlabel("Wavelength (%s)" % xunit)
            ax.set_ylabel("Flux (%s)" % yunit)
            ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
            ax.grid(alpha=0.3)
        else:
            data = hdul[0].data
            wcs = WCS(h0)
            ax = fig.add_subplot(111, projection=wcs)
            norm = ImageNormalize(data, interval=PercentileInterval(99.0), stretch=LinearStretch())
            im = ax.imshow(data, origin="lower", cmap="viridis", norm=norm, interpolation="nearest")
            ax.coords[0].set_axislabel("RA (%s)" % h0.get("RADESYS", "ICRS"))
            ax.coords[1].set_axislabel("Dec (%s)" % h0.get("RADESYS", "ICRS"))
            fig.colorbar(im, ax=ax, label=h0.get("BUNIT", ""))
        ax.set_title(title(h0))
        fig.savefig(out, dpi=100)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
