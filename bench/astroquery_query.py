"""astroquery.esa.iso query_ida_tap against the local archive, saving the result (bench helper).
Usage: /usr/bin/python3 bench/astroquery_query.py BASE_URL ADQL OUTFILE"""
import sys
from astroquery.esa.iso import ISOClass
from astroquery.utils.tap.core import TapPlus

base, adql, out = sys.argv[1], sys.argv[2], sys.argv[3]
iso = ISOClass(tap_handler=TapPlus(url=base + "tap/", verbose=False))
t = iso.query_ida_tap(query=adql, output_file=out, output_format="votable")
print(len(t))
