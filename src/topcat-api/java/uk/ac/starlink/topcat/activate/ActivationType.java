package uk.ac.starlink.topcat.activate;

/** Compile stub of TOPCAT 4.8.7's {@code ActivationType} (see this source root's README.md). */
public interface ActivationType {

    String getName();

    String getDescription();

    ActivatorConfigurator createConfigurator(TopcatModelInfo tinfo);

    Suitability getSuitability(TopcatModelInfo tinfo);
}
