GET DATA /TYPE=TXT /FILE='survey_missing_sav.csv' /ARRANGEMENT=DELIMITED /DELIMITERS=','
  /FIRSTCASE=2 /VARIABLES=id F4.0 income F10.2 weight F8.3 age F4.0.
MISSING VALUES income (-9, -8) /weight (9000 THRU HIGHEST) /age (999).
VARIABLE LABELS income 'Monthly income' /weight 'Sampling weight'.
SAVE OUTFILE='survey_missing.sav'.
DISPLAY DICTIONARY.
