package io.rectify.contracts;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A {@link CountyCode} as a constraint on a request field or a list element. Null is valid (pair with @NotBlank). */
@Pattern(regexp = CountyCode.REGEX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidCountyCode {

    String message() default CountyCode.RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
