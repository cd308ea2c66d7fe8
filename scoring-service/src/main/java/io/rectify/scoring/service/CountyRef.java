package io.rectify.scoring.service;

import io.rectify.platform.security.Jurisdiction;

/** A county as scoring knows it: its code, name and place on the authority ladder. */
public record CountyRef(String code, String name, String city, String province) {

    public Jurisdiction jurisdiction() {
        return Jurisdiction.ofCounty(province, city, code);
    }
}
