"""pyvo 1.2.1 against the iso-samp local archive: sync, async, tables, overflow.

Usage: /usr/bin/python3 pyvo_tap.py TAP_URL
"""
import sys
import warnings

import pyvo

url = sys.argv[1]
service = pyvo.dal.TAPService(url)
failures = []


def check(name, cond, detail=""):
    print(("PASS " if cond else "FAIL ") + name + ("" if cond else ": " + str(detail)))
    if not cond:
        failures.append(name)


M31 = ("SELECT tdt, ra_deg, dec, aotname FROM ida.observations "
       "WHERE INTERSECTS(CIRCLE('ICRS',10.68470833,41.26875,0.08333333333333333), s_region_fov)=1")
r = service.run_sync(M31)
check("sync M31 returns 49 rows", len(r) == 49, len(r))
r = service.run_async(M31)
check("async M31 returns 49 rows", len(r) == 49, len(r))
job = service.submit_job("SELECT TOP 3 tdt FROM ida.observations")
job.run()
job.wait(phases=["COMPLETED", "ERROR", "ABORTED"], timeout=60)
check("submitted job completes", job.phase == "COMPLETED", job.phase)
check("job result has 3 rows", len(job.fetch_result()) == 3)
job.delete()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    r = service.run_sync("SELECT tdt FROM ida.observations", maxrec=5)
check("maxrec=5 gives 5 rows", len(r) == 5, len(r))
check("overflow reported", r.query_status == "OVERFLOW", r.query_status)
names = [t.name for t in service.tables]
check("tables include ida.observations and ivoa.ssap", "ida.observations" in names and "ivoa.ssap" in names,
      names)
cols = [c.name for c in service.tables["ivoa.ssap"].columns]
check("ivoa.ssap columns readable", "reference" in cols and "s_region_fov" in cols, cols)
try:
    service.run_sync("DUFF QUERY")
    check("bad ADQL raises", False, "no error")
except pyvo.dal.DALQueryError as e:
    check("bad ADQL raises DALQueryError with the parser message", "parse" in str(e).lower(), str(e))
sys.exit(1 if failures else 0)
