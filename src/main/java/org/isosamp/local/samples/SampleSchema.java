package org.isosamp.local.samples;

import java.util.ArrayList;
import java.util.List;
import org.isosamp.local.meta.ArchiveMetadata;
import org.isosamp.local.meta.ArchiveMetadata.SchemaDef;
import org.isosamp.local.meta.ColumnDef;
import org.isosamp.local.meta.SpatialDef;
import org.isosamp.local.meta.TableDef;

/**
 * The sample archive's metadata, in code: the source of
 * {@code samples/schemas.csv}, {@code tables.csv} and {@code columns.csv}.
 * Table set and order: the non-TAP_SCHEMA tables of {@code ISO.get_tables()}
 * in the documentation; {@code ida.observations}: the 45 documented columns in
 * the documented (alphabetical) order. Types, units, UCDs and all columns of
 * other tables are not published by the archive: they are our choices.
 */
final class SampleSchema {

    static final String SYNTHETIC_TABLE =
        " LOCAL SAMPLE: the ISO archive publishes this table's name only; these columns are a"
        + " synthetic stand-in, not the archive's real columns, and any rows are invented.";

    static final String OBSCORE_UTYPE = "ivo://ivoa.net/std/ObsCore#table-1.1";

    private SampleSchema() {
    }

    static final String[] HPDP = {
        "cam_sato", "cambendo", "chopc2i", "chopc2ii", "compkon", "evolkon", "extrakon", "kon3p6i",
        "kon3p6ii", "konkoly", "lwsasti", "lwsastii", "misckon", "p32_c200", "p32virgo", "scanskon",
        "sloansws", "solarkon", "sws01hrd", "ysokon",
    };

    static ArchiveMetadata build() {
        List<SchemaDef> schemas = List.of(
            new SchemaDef("ida", "ISO Data Archive: observations and their ancillary information."
                + " LOCAL SAMPLE: rows printed in the astroquery.esa.iso documentation are"
                + " reproduced; every other row and value is synthetic."),
            new SchemaDef("hpdp", "ISO Highly Processed Data Products (HPDP) collections."
                + " LOCAL SAMPLE: synthetic stand-in tables."),
            new SchemaDef("ivoa", "IVOA standard views of the ISO products: ObsCore, SSAP and SIAP."
                + " LOCAL SAMPLE: documented rows reproduced, others synthetic."),
            new SchemaDef("tap_config", "TAP service configuration. LOCAL SAMPLE: synthetic stand-in."));
        List<TableDef> tables = new ArrayList<>();
        for (String h : HPDP) {
            tables.add(new T("hpdp." + h, "HPDP collection " + h.toUpperCase(java.util.Locale.ROOT)
                             + ": highly processed products of ISO observations." + SYNTHETIC_TABLE)
                .c("tdt", "int", null, "meta.id;obs", "TDT of the observation the product derives from").p().i()
                .c("target", "char", null, "meta.id;src", "Target name").p()
                .c("aotname", "char", null, "meta.id;instr.setup", "AOT of the observation").size("3")
                .c("product_file", "char", null, "meta.id;meta.file", "Product file name").p()
                .c("product_type", "char", null, "meta.code.class", "Kind of product (image, spectrum, map, catalogue, preview)")
                .c("comment", "char", null, "meta.note", "Free-text comment")
                .build());
        }
        tables.add(new T("tap_config.coord_sys", "Coordinate systems known to the TAP service." + SYNTHETIC_TABLE)
            .c("coord_sys", "char", null, "meta.id", "Coordinate system name as accepted in ADQL").p()
            .c("description", "char", null, "meta.note", "Description").p()
            .c("equinox", "char", null, "time.equinox", "Equinox, if any")
            .c("supported", "short", null, "meta.code", "1 if geometry in this system is accepted by the local archive")
            .build());
        ida(tables);
        tables.add(obscore());
        tables.add(siap());
        tables.add(ssap());
        return new ArchiveMetadata(schemas, tables, List.of());
    }

    private static void ida(List<TableDef> tables) {
        tables.add(stub("ida.aph", "Processing history per observation.")
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .c("pipeline_version", "char", null, "meta.version", "Pipeline version").p()
            .c("processed", "ts", null, "time.processing", "Processing date").p()
            .build());
        tables.add(stub("ida.cam_expert", "ISOCAM expert parameters.")
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .c("filter", "char", null, "instr.filter", "Filter or CVF setting").p()
            .c("pfov", "double", "arcsec", "instr.pixel", "Pixel field of view").p()
            .c("gain", "short", null, "instr.param", "Gain")
            .c("tint", "double", "s", "time.duration;obs.exposure", "Integration time per readout")
            .build());
        tables.add(stub("ida.cam_measurement", "ISOCAM measurements within an observation.")
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .c("measurement_no", "int", null, "meta.number", "Measurement number").p()
            .c("filter", "char", null, "instr.filter", "Filter").p()
            .c("n_pointings", "int", null, "meta.number", "Raster pointings")
            .c("exposure", "double", "s", "time.duration;obs.exposure", "Exposure time")
            .build());
        tables.add(stub("ida.dqr", "Data quality reports.")
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .c("dqr_status", "char", null, "meta.code.qual", "Report status").p()
            .c("dqr_text", "char", null, "meta.note", "Report text").p()
            .build());
        tables.add(stub("ida.dqrflags", "Data quality flag definitions.")
            .c("flag", "char", null, "meta.code.qual", "Flag").p()
            .c("description", "char", null, "meta.note", "Meaning").p()
            .build());
        tables.add(stub("ida.iasd_line", "Spectral lines for line identification.")
            .c("line_id", "int", null, "meta.id", "Line identifier").p()
            .c("species", "char", null, "phys.atmol.element", "Species").p()
            .c("transition", "char", null, "phys.atmol.transition", "Transition")
            .c("wavelength", "double", "um", "em.wl", "Rest wavelength").p()
            .build());
        tables.add(stub("ida.lws_expert", "LWS expert parameters.")
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .c("detectors", "char", null, "instr.setup", "Detectors used").p()
            .c("n_scans", "int", null, "meta.number", "Number of grating scans")
            .c("mode", "char", null, "instr.setup", "Grating or Fabry-Perot mode")
            .build());
        tables.add(stub("ida.lws_extras", "Additional LWS information.")
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .c("item", "char", null, "meta.id", "Item name").p()
            .c("value", "char", null, "meta.note", "Item value").p()
            .build());
        tables.add(stub("ida.lws_lsan", "LWS LSAN products (auto-analysis spectra).")
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .c("product_file", "char", null, "meta.id;meta.file", "File name").p()
            .c("version", "char", null, "meta.version", "Version")
            .build());
        tables.add(stub("ida.lws_measurement", "LWS measurements (lines or ranges) of an observation.")
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .c("line_no", "int", null, "meta.number", "Line or range number").p()
            .c("wavelength_min", "double", "um", "em.wl;stat.min", "Start wavelength").p()
            .c("wavelength_max", "double", "um", "em.wl;stat.max", "End wavelength").p()
            .build());
        tables.add(stub("ida.obs_pointing", "Pointings of each observation.")
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .c("pointing_no", "int", null, "meta.number", "Pointing number within the observation").p()
            .c("ra_deg", "double", "deg", "pos.eq.ra", "Right ascension").p()
            .c("dec", "double", "deg", "pos.eq.dec", "Declination").p()
            .c("roll", "double", "deg", "pos.posAng", "Roll angle")
            .build());
        tables.add(stub("ida.observers", "Observers (proposal principal investigators).")
            .c("observer_id", "int", null, "meta.id", "Observer identifier").p()
            .c("name", "char", null, "meta.id", "Name").p()
            .c("affiliation", "char", null, "meta.note", "Affiliation")
            .build());
        tables.add(stub("ida.pht_expert", "ISOPHOT expert parameters.")
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .c("detector", "char", null, "instr.det", "Detector (P, C100, C200, S)").p()
            .c("filter", "char", null, "instr.filter", "Filter").p()
            .c("aperture", "char", null, "instr.setup", "Aperture or field mirror")
            .build());
        tables.add(stub("ida.postcards", "Postcard (quick-look PNG) of each observation.")
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .c("postcard_url", "char", null, "meta.ref.url", "Postcard URL (data endpoint, RETRIEVAL_TYPE=POSTCARD)").p()
            .c("format", "char", null, "meta.code.mime", "MIME type")
            .build());
        tables.add(stub("ida.proposals", "Observing proposals.")
            .c("propid", "char", null, "meta.id;obs.proposal", "Proposal identifier").p().i()
            .c("title", "char", null, "meta.title", "Proposal title").p()
            .c("observer_id", "int", null, "meta.id", "Principal investigator (ida.observers)")
            .c("category", "char", null, "meta.code.class", "Science category")
            .build());
        tables.add(stub("ida.publication_authors", "Authors of publications based on ISO data.")
            .c("publication_id", "int", null, "meta.id", "Publication").p()
            .c("author", "char", null, "meta.id", "Author").p()
            .c("position", "int", null, "meta.number", "Position in the author list")
            .build());
        tables.add(stub("ida.sws_common", "SWS parameters common to all SWS AOTs.")
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .c("speed", "int", null, "instr.setup", "SWS01 speed").p()
            .c("bands", "char", null, "instr.bandpass", "Bands observed")
            .c("aperture", "char", null, "instr.setup", "Aperture")
            .build());
        tables.add(stub("ida.sws_expert", "SWS expert parameters.")
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .c("band", "char", null, "instr.bandpass", "Detector band").p()
            .c("grating_scans", "int", null, "meta.number", "Number of grating scans")
            .build());
        tables.add(stub("ida.usredata", "User-reduced data sets.")
            .c("usredata_id", "int", null, "meta.id", "Data set identifier").p()
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .c("title", "char", null, "meta.title", "Title").p()
            .c("provider", "char", null, "meta.curation", "Provider")
            .build());
        tables.add(stub("ida.usredata_files", "Files of user-reduced data sets.")
            .c("usredata_id", "int", null, "meta.id", "Data set identifier").p()
            .c("file_name", "char", null, "meta.id;meta.file", "File name").p()
            .c("file_size", "long", "byte", "phys.size;meta.file", "File size")
            .build());
        tables.add(stub("ida.object_type", "Object type vocabulary used by ida.observations.object_type.")
            .c("object_type", "char", null, "src.class", "Object type").p()
            .c("description", "char", null, "meta.note", "Description").p()
            .build());
        tables.add(observations());
        tables.add(stub("ida.publications", "Publications based on ISO data.")
            .c("publication_id", "int", null, "meta.id", "Publication").p()
            .c("bibcode", "char", null, "meta.bib.bibcode", "Bibcode").p().size("19")
            .c("title", "char", null, "meta.title", "Title").p()
            .c("year", "short", null, "time.epoch", "Year of publication")
            .build());
        tables.add(stub("ida.publications_observations", "Which observations each publication uses.")
            .c("publication_id", "int", null, "meta.id", "Publication").p()
            .c("tdt", "int", null, "meta.id;obs", "TDT").p().i()
            .build());
    }

    private static T stub(String name, String description) {
        return new T(name, description + SYNTHETIC_TABLE);
    }

    private static final String UNPUBLISHED =
        " (Meaning not documented by the archive; synthetic value in the local sample.)";

    static TableDef observations() {
        return new T("ida.observations", "Main table of ISO observations (45 columns, as listed by"
                     + " the astroquery.esa.iso documentation). LOCAL SAMPLE: the rows and values that"
                     + " the documentation prints are reproduced verbatim; all other rows and values"
                     + " (types, units and descriptions included) are synthetic. Note that ra is in"
                     + " hours; use ra_deg for degrees.")
            .spatial("s_region_fov", "ra_deg", "dec")
            .c("aotname", "char", null, "meta.id;instr.setup", "Astronomical Observation Template:"
               + " first letter = instrument (S SWS, L LWS, C CAM, P PHT); C// and L// are parallel/serendipity modes").size("3").p().i()
            .c("bp_valid", "short", null, "meta.code.qual", "Browse product validity flag (0/1)." + UNPUBLISHED)
            .c("cal_flag", "short", null, "meta.code", "1 for calibration observations (target is empty)")
            .c("cam_par_flag", "short", null, "meta.code", "1 for ISOCAM parallel-mode observations")
            .c("caveat", "char", null, "meta.note", "Caveat on the data, if any")
            .c("cdec", "double", "deg", "pos.eq.dec", "Declination of the commanded pointing")
            .c("comment", "char", null, "meta.note", "Comment. LOCAL SAMPLE: says which rows are synthetic")
            .c("cra", "double", "deg", "pos.eq.ra", "Right ascension of the commanded pointing")
            .c("croll", "double", "deg", "pos.posAng", "Roll angle of the spacecraft")
            .c("dec", "double", "deg", "pos.eq.dec;meta.main", "Declination (J2000)").p()
            .c("default_vo_product", "char", null, "meta.code.class", "Kind of the STANDALONE VO product"
               + " (spectrum, image, cube), empty if none")
            .c("display", "short", null, "meta.code", "Display flag." + UNPUBLISHED)
            .c("dist_status", "char", null, "meta.code.status", "Distribution status")
            .c("ehalind", "short", null, "meta.code", "Indicator." + UNPUBLISHED)
            .c("end_time", "ts", null, "time.end;obs.exposure", "End of the observation (UTC)").p()
            .c("fov", "char", null, "pos.outline;instr.fov", "Field of view as a pgSphere polygon in radians")
            .c("hpdp_available", "short", null, "meta.code", "1 if highly processed data products exist")
            .c("instid", "char", null, "meta.id;instr", "Instrument: SWS, LWS, CAM or PHT")
            .c("instrument_mode", "char", null, "instr.setup", "Instrument mode (AOT long name)")
            .c("num_publications", "int", null, "meta.number", "Number of publications using the observation")
            .c("object_type", "char", null, "src.class", "Object type (see ida.object_type)")
            .c("obsid", "char", null, "meta.id", "Observer's identifier of the observation within the proposal")
            .c("obsno", "int", null, "meta.id", "Observation number: 9 digits, used by the data endpoint"
               + " (RETRIEVAL_TYPE=STANDALONE&obsno=...)").p().i()
            .c("obsno_char", "char", null, "meta.id", "obsno as 9 characters").size("9")
            .c("osn", "int", null, "meta.number", "Observation sequence number within the revolution")
            .c("ott", "double", "s", "time.duration;obs.exposure", "Observation total time")
            .c("prodqlty", "char", null, "meta.code.qual", "Product quality")
            .c("propid", "char", null, "meta.id;obs.proposal", "Proposal identifier")
            .c("qltyver", "char", null, "meta.version", "Pipeline version of the products")
            .c("ra", "double", "h", "pos.eq.ra", "Right ascension (J2000) in HOURS; ra_deg is in degrees").p()
            .c("ra_deg", "double", "deg", "pos.eq.ra;meta.main", "Right ascension (J2000) in degrees (= ra * 15)").p()
            .c("revno", "int", null, "meta.id", "Revolution (orbit) number").p().i()
            .c("s_region", "region", null, "pos.outline;obs.field", "Aperture footprint at the nominal pointing (STC-S)")
            .c("s_region_fov", "region", null, "pos.outline;instr.fov", "Footprint of everything the observation"
               + " covered, rasters included (STC-S); the column for INTERSECTS queries").i()
            .c("speed", "short", null, "instr.setup", "SWS01 scan speed (1-4); empty for other AOTs")
            .c("start_time", "ts", null, "time.start;obs.exposure", "Start of the observation (UTC)").p()
            .c("target", "char", null, "meta.id;src", "Target name; empty for calibrations;"
               + " 'Near X' for parallel observations").p()
            .c("targetno", "int", null, "meta.id", "Target number within the proposal")
            .c("tdt", "int", null, "meta.id;obs", "Target Dedicated Time number: revolution * 100000 + sequence;"
               + " not unique (a parallel observation shares its prime's TDT)").p().i()
            .c("tdt_char", "char", null, "meta.id", "tdt as 8 characters (zero-padded)").size("8")
            .c("type", "char", null, "meta.code.class", "science, calibration or parallel")
            .c("usredata_available", "short", null, "meta.code", "1 if user-reduced data exist")
            .c("utc_end", "ts", null, "time.end", "End of the observation, UTC")
            .c("utc_start", "ts", null, "time.start", "Start of the observation, UTC")
            .c("wavelengths", "char", null, "em.wl", "Wavelength range(s) covered, um")
            .build();
    }

    static TableDef obscore() {
        String o = "obscore:";
        return new T("ivoa.obscore", "ObsCore 1.1 view of the ISO STANDALONE (VO) products, one row per"
                     + " product. LOCAL SAMPLE: synthetic apart from the documented observations.")
            .utype(OBSCORE_UTYPE)
            .spatial("s_region_fov", "s_ra", "s_dec")
            .c("dataproduct_type", "char", null, "meta.code.class", "Data product type: image, cube or spectrum")
                .ut(o + "ObsDataset.dataProductType").p().s()
            .c("calib_level", "int", null, "meta.code;obs.calib", "Calibration level (2 pipeline, 3 highly processed)")
                .ut(o + "ObsDataset.calibLevel").p().s()
            .c("obs_collection", "char", null, "meta.id", "Collection: ISO")
                .ut(o + "DataID.Collection").p().s()
            .c("obs_id", "char", null, "meta.id", "Observation identifier: the TDT, 8 digits")
                .ut(o + "DataID.observationID").p().s()
            .c("obs_publisher_did", "char", null, "meta.ref.ivoid", "Publisher dataset identifier (local sample)")
                .ut(o + "Curation.PublisherDID").p().s()
            .c("obs_title", "char", null, "meta.title;obs", "Product title")
                .ut(o + "DataID.Title").s()
            .c("access_url", "char", null, "meta.ref.url", "URL of the product (data endpoint, RETRIEVAL_TYPE=STANDALONE)")
                .ut(o + "Access.Reference").p().s()
            .c("access_format", "char", null, "meta.code.mime", "MIME type of the product")
                .ut(o + "Access.Format").p().s()
            .c("access_estsize", "long", "kbyte", "phys.size;meta.file", "Estimated product size")
                .ut(o + "Access.Size").p().s()
            .c("target_name", "char", null, "meta.id;src", "Target name")
                .ut(o + "Target.Name").p().s()
            .c("s_ra", "double", "deg", "pos.eq.ra", "Right ascension (ICRS) of the pointing")
                .ut(o + "Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C1").p().s()
            .c("s_dec", "double", "deg", "pos.eq.dec", "Declination (ICRS) of the pointing")
                .ut(o + "Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C2").p().s()
            .c("s_fov", "double", "deg", "phys.angSize;instr.fov", "Diameter of the circle around (s_ra, s_dec) holding the footprint")
                .ut(o + "Char.SpatialAxis.Coverage.Bounds.Extent.diameter").p().s()
            .c("s_region", "region", null, "pos.outline;obs.field", "Footprint (STC-S)")
                .ut(o + "Char.SpatialAxis.Coverage.Support.Area").p().s()
            .c("s_resolution", "double", "arcsec", "pos.angResolution", "Spatial resolution (pixel or aperture)")
                .ut(o + "Char.SpatialAxis.Resolution.Refval.value").p().s()
            .c("s_xel1", "long", null, "meta.number", "Pixels along the first spatial axis")
                .ut(o + "Char.SpatialAxis.numBins1").s()
            .c("s_xel2", "long", null, "meta.number", "Pixels along the second spatial axis")
                .ut(o + "Char.SpatialAxis.numBins2").s()
            .c("t_min", "double", "d", "time.start;obs.exposure", "Start time (MJD)")
                .ut(o + "Char.TimeAxis.Coverage.Bounds.Limits.StartTime").p().s()
            .c("t_max", "double", "d", "time.end;obs.exposure", "Stop time (MJD)")
                .ut(o + "Char.TimeAxis.Coverage.Bounds.Limits.StopTime").p().s()
            .c("t_exptime", "double", "s", "time.duration;obs.exposure", "Exposure time")
                .ut(o + "Char.TimeAxis.Coverage.Support.Extent").p().s()
            .c("t_resolution", "double", "s", "time.resolution", "Time resolution")
                .ut(o + "Char.TimeAxis.Resolution.Refval.value").s()
            .c("t_xel", "long", null, "meta.number", "Number of time bins")
                .ut(o + "Char.TimeAxis.numBins").s()
            .c("em_min", "double", "m", "em.wl;stat.min", "Minimum wavelength")
                .ut(o + "Char.SpectralAxis.Coverage.Bounds.Limits.LoLimit").p().s()
            .c("em_max", "double", "m", "em.wl;stat.max", "Maximum wavelength")
                .ut(o + "Char.SpectralAxis.Coverage.Bounds.Limits.HiLimit").p().s()
            .c("em_res_power", "double", null, "spect.resolution", "Spectral resolving power")
                .ut(o + "Char.SpectralAxis.Resolution.ResolPower.refVal").s()
            .c("em_xel", "long", null, "meta.number", "Number of spectral bins")
                .ut(o + "Char.SpectralAxis.numBins").s()
            .c("o_ucd", "char", null, "meta.ucd", "UCD of the observable")
                .ut(o + "Char.ObservableAxis.ucd").s()
            .c("pol_states", "char", null, "meta.code;phys.polarization", "Polarization states (none)")
                .ut(o + "Char.PolarizationAxis.stateList").s()
            .c("pol_xel", "long", null, "meta.number", "Number of polarization bins (none)")
                .ut(o + "Char.PolarizationAxis.numBins").s()
            .c("facility_name", "char", null, "meta.id;instr.tel", "Facility: ISO")
                .ut(o + "Provenance.ObsConfig.Facility.name").p().s()
            .c("instrument_name", "char", null, "meta.id;instr", "Instrument: SWS, LWS, ISOCAM or ISOPHOT")
                .ut(o + "Provenance.ObsConfig.Instrument.name").p().s()
            .c("obs_release_date", "ts", null, "time.release", "Public release date")
                .ut(o + "Curation.releaseDate").s()
            .c("proposal_id", "char", null, "meta.id;obs.proposal", "Proposal identifier")
                .ut(o + "Provenance.Proposal.identifier").s()
            .c("s_region_fov", "region", null, "pos.outline;instr.fov", "Footprint of the observation (STC-S), as ida.observations.s_region_fov").i()
            .build();
    }

    static TableDef ssap() {
        return new T("ivoa.ssap", "Spectra of ISO compatible with VO tools (SSA-like)."
                     + " LOCAL SAMPLE: documented rows reproduced, others synthetic.")
            .spatial("s_region_fov", "ra", "dec")
            .c("target_name", "char", null, "meta.title", "Spectrum title and target,"
               + " e.g. 'ISO SWS01 Spectrum Target: M31_BULGE'").ut("ssa:Target.Name").p()
            .c("ra", "double", "deg", "pos.eq.ra;meta.main", "Right ascension (ICRS)").ut("ssa:Char.SpatialAxis.Coverage.Location.Value").p()
            .c("dec", "double", "deg", "pos.eq.dec;meta.main", "Declination (ICRS)").p()
            .c("axes", "char", null, "meta.note", "Names of the spectrum's axes").p()
            .c("units", "char", null, "meta.unit", "Units of the spectrum's axes").p()
            .c("reference", "char", null, "meta.ref.url", "URL of the spectrum (data endpoint, RETRIEVAL_TYPE=STANDALONE)")
                .ut("ssa:Access.Reference").p()
            .c("tdt", "int", null, "meta.id;obs", "TDT of the observation").i()
            .c("obsno", "int", null, "meta.id", "Observation number").i()
            .c("instrument_name", "char", null, "meta.id;instr", "Instrument").ut("ssa:DataID.Instrument")
            .c("aotname", "char", null, "meta.id;instr.setup", "AOT").size("3")
            .c("date_obs", "ts", null, "time.start;obs.exposure", "Start of the observation (UTC)")
            .c("exposure", "double", "s", "time.duration;obs.exposure", "Exposure time").ut("ssa:Char.TimeAxis.Coverage.Support.Extent")
            .c("wavelength_min", "double", "um", "em.wl;stat.min", "Minimum wavelength")
            .c("wavelength_max", "double", "um", "em.wl;stat.max", "Maximum wavelength")
            .c("spec_res_power", "double", null, "spect.resolution", "Spectral resolving power")
            .c("format", "char", null, "meta.code.mime", "MIME type").ut("ssa:Access.Format")
            .c("s_region_fov", "region", null, "pos.outline;instr.fov", "Footprint of the observation (STC-S)").i()
            .build();
    }

    static TableDef siap() {
        return new T("ivoa.siap", "Images of ISO compatible with VO tools (SIA-like)."
                     + " LOCAL SAMPLE: documented rows reproduced, others synthetic.")
            .spatial("s_region_fov", "ra", "dec")
            .c("image_title", "char", null, "meta.title", "Image title and target,"
               + " e.g. 'ISO CAM01 Image Target: M31_LW2'").ut("sia:Image_Title").p()
            .c("ra", "double", "deg", "pos.eq.ra;meta.main", "Right ascension (ICRS) of the image centre").p()
            .c("dec", "double", "deg", "pos.eq.dec;meta.main", "Declination (ICRS) of the image centre").p()
            .c("access_url", "char", null, "meta.ref.url", "URL of the image (data endpoint, RETRIEVAL_TYPE=STANDALONE)").p()
            .c("tdt", "int", null, "meta.id;obs", "TDT of the observation").i()
            .c("obsno", "int", null, "meta.id", "Observation number").i()
            .c("instrument_name", "char", null, "meta.id;instr", "Instrument")
            .c("aotname", "char", null, "meta.id;instr.setup", "AOT").size("3")
            .c("filter", "char", null, "instr.filter", "Filter")
            .c("naxis1", "int", null, "meta.number", "Image width, pixels")
            .c("naxis2", "int", null, "meta.number", "Image height, pixels")
            .c("pixel_scale", "double", "arcsec", "instr.pixel", "Pixel size")
            .c("wavelength_min", "double", "um", "em.wl;stat.min", "Filter lower wavelength")
            .c("wavelength_max", "double", "um", "em.wl;stat.max", "Filter upper wavelength")
            .c("date_obs", "ts", null, "time.start;obs.exposure", "Start of the observation (UTC)")
            .c("exposure", "double", "s", "time.duration;obs.exposure", "Exposure time")
            .c("format", "char", null, "meta.code.mime", "MIME type")
            .c("s_region_fov", "region", null, "pos.outline;instr.fov", "Footprint of the observation (STC-S)").i()
            .build();
    }

    /** Fluent table builder; {@code ts} and {@code region} are char shorthands with an xtype. */
    private static final class T {
        private final String name;
        private final String description;
        private String utype;
        private SpatialDef spatial;
        private final List<ColumnDef> done = new ArrayList<>();
        private String cName, cType, cSize, cXtype, cUnit, cUcd, cUtype, cDesc;
        private boolean cP, cI, cS;

        T(String name, String description) {
            this.name = name;
            this.description = description;
        }

        T utype(String u) {
            utype = u;
            return this;
        }

        T spatial(String region, String ra, String dec) {
            spatial = new SpatialDef(region, ra, dec);
            return this;
        }

        T c(String colName, String type, String unit, String ucd, String desc) {
            flush();
            cName = colName;
            cXtype = null;
            cSize = null;
            switch (type) {
                case "ts" -> {
                    cType = "char";
                    cXtype = "timestamp";
                }
                case "region" -> {
                    cType = "char";
                    cXtype = "adql:REGION";
                }
                default -> cType = type;
            }
            cUnit = unit;
            cUcd = ucd;
            cUtype = null;
            cDesc = desc;
            cP = cI = cS = false;
            return this;
        }

        T size(String s) {
            cSize = s;
            return this;
        }

        T ut(String u) {
            cUtype = u;
            return this;
        }

        T p() {
            cP = true;
            return this;
        }

        T i() {
            cI = true;
            return this;
        }

        T s() {
            cS = true;
            return this;
        }

        private void flush() {
            if (cName != null) {
                done.add(new ColumnDef(cName, cType, cSize, cXtype, cUnit, cUcd, cUtype, cDesc, cP, cI, cS));
                cName = null;
            }
        }

        TableDef build() {
            flush();
            String schema = name.substring(0, name.indexOf('.'));
            return new TableDef(schema, name, "table", description, utype, done, spatial);
        }
    }
}
