package cn.zwgk.assistant.access;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.passay.DefaultPasswordValidator;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResultDetail;
import org.passay.ValidationResult;
import org.passay.data.EnglishCharacterData;
import org.passay.data.EnglishSequenceData;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.rule.CharacterCharacteristicsRule;
import org.passay.rule.CharacterRule;
import org.passay.rule.DictionarySubstringRule;
import org.passay.rule.IllegalSequenceRule;
import org.passay.rule.LengthRule;
import org.passay.rule.RepeatCharactersRule;
import org.passay.rule.UsernameRule;

/**
 * What the production profile takes for a strong first-administrator password, checked with
 * Passay: at least {@value AccessProperties#MIN_STRONG_PASSWORD_LENGTH} characters of at least two
 * kinds (lower case, upper case, digits, others), no well-known word such as "admin", not the user
 * name, no run of five like "12345", "abcde" or "qwert", no character four times in a row. The
 * reasons it gives never quote the password.
 */
final class AdminPasswordPolicy {

    private static final String[] WELL_KNOWN = {"admin", "administrator", "changeme", "default", "letmein",
            "passw0rd", "password", "qwerty", "secret", "welcome", "zwgk"};
    private static final Map<String, String> REASONS = Map.of(
            LengthRule.ERROR_CODE_MIN, "is shorter than " + AccessProperties.MIN_STRONG_PASSWORD_LENGTH + " characters",
            DictionarySubstringRule.ERROR_CODE, "contains a well-known word",
            UsernameRule.ERROR_CODE, "contains the user name",
            CharacterCharacteristicsRule.ERROR_CODE, "uses only one kind of character",
            RepeatCharactersRule.ERROR_CODE, "repeats a character four times in a row");

    private static final PasswordValidator VALIDATOR = new DefaultPasswordValidator(
            new LengthRule(AccessProperties.MIN_STRONG_PASSWORD_LENGTH, 4096),
            new CharacterCharacteristicsRule(2, new CharacterRule(EnglishCharacterData.LowerCase),
                    new CharacterRule(EnglishCharacterData.UpperCase), new CharacterRule(EnglishCharacterData.Digit),
                    new CharacterRule(EnglishCharacterData.Special)),
            new DictionarySubstringRule(new WordListDictionary(new ArrayWordList(sorted(WELL_KNOWN), false))),
            new UsernameRule(true, true),
            new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 5, false),
            new IllegalSequenceRule(EnglishSequenceData.Numerical, 5, false),
            new IllegalSequenceRule(EnglishSequenceData.USQwerty, 5, false),
            new RepeatCharactersRule(4, 1));

    private AdminPasswordPolicy() {
    }

    /** Why the password is weak, e.g. "is shorter than 12 characters", or null when it is strong. */
    static String weakness(String username, String password) {
        if (password == null || password.isBlank()) {
            return "is empty";
        }
        ValidationResult result = VALIDATOR.validate(new PasswordData(username == null ? "" : username, password));
        if (result.isValid()) {
            return null;
        }
        Set<String> reasons = new LinkedHashSet<>();
        for (RuleResultDetail detail : result.getDetails()) {
            String code = detail.getErrorCode();
            reasons.add(REASONS.getOrDefault(code, code.startsWith("ILLEGAL_") && code.endsWith("_SEQUENCE")
                    ? "contains a run like 12345, abcde or qwert" : code.toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        return String.join(", ", reasons);
    }

    private static String[] sorted(String[] words) {
        String[] copy = words.clone();
        Arrays.sort(copy);
        return copy;
    }
}
