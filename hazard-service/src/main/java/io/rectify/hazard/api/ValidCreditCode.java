package io.rectify.hazard.api;

import io.rectify.contracts.CreditCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A unified social credit code with a correct check character; the message says what is wrong. Null is valid (pair with @NotNull). */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidCreditCode.Validator.class)
public @interface ValidCreditCode {

    String message() default "is not a valid unified social credit code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidCreditCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return CreditCode.problem(value).map(problem -> {
                context.disableDefaultConstraintViolation();
                // the problem text is ours, not the client's: no EL injection through the template
                context.buildConstraintViolationWithTemplate(problem.replace("{", "(").replace("}", ")").replace("$", ""))
                        .addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
