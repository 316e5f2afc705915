; Certbench's Windows file associations, included by electron-builder's NSIS installer (nsis.include).
; Certbench is only ADDED to each extension's "Open with" list (OpenWithProgids): the extension's default
; class is never written, so .cer/.crt/.der/.p7b/.pfx/.crl keep opening in Windows' own certificate viewer.
; SHELL_CONTEXT is HKLM for this per-machine install. Checked by scripts/check-builder-config.mjs.

!macro certbenchProgId PROGID DESCRIPTION ICON
  WriteRegStr SHELL_CONTEXT "Software\Classes\${PROGID}" "" "${DESCRIPTION}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\resources\icons\${ICON}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro certbenchOpenWith EXT PROGID
  WriteRegNone SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "${PROGID}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\SupportedTypes" ".${EXT}" ""
!macroend

!macro certbenchNoLongerOpens EXT PROGID
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "${PROGID}"
!macroend

!macro customInstall
  !insertmacro certbenchProgId Certbench.Certificate "X.509 certificate" doc-cert.ico
  !insertmacro certbenchProgId Certbench.PKCS7 "PKCS#7 certificate bundle" doc-p7b.ico
  !insertmacro certbenchProgId Certbench.PKCS12 "PKCS#12 keystore" doc-pfx.ico
  !insertmacro certbenchProgId Certbench.JavaKeystore "Java keystore" doc-jks.ico
  !insertmacro certbenchProgId Certbench.PrivateKey "Private key" doc-key.ico
  !insertmacro certbenchProgId Certbench.CSR "Certificate signing request" doc-csr.ico
  !insertmacro certbenchProgId Certbench.CRL "Certificate revocation list" doc-crl.ico
  !insertmacro certbenchOpenWith pem Certbench.Certificate
  !insertmacro certbenchOpenWith crt Certbench.Certificate
  !insertmacro certbenchOpenWith cer Certbench.Certificate
  !insertmacro certbenchOpenWith der Certbench.Certificate
  !insertmacro certbenchOpenWith p7b Certbench.PKCS7
  !insertmacro certbenchOpenWith p7c Certbench.PKCS7
  !insertmacro certbenchOpenWith pfx Certbench.PKCS12
  !insertmacro certbenchOpenWith p12 Certbench.PKCS12
  !insertmacro certbenchOpenWith jks Certbench.JavaKeystore
  !insertmacro certbenchOpenWith jceks Certbench.JavaKeystore
  !insertmacro certbenchOpenWith key Certbench.PrivateKey
  !insertmacro certbenchOpenWith csr Certbench.CSR
  !insertmacro certbenchOpenWith crl Certbench.CRL
  ; SHCNE_ASSOCCHANGED: Explorer rereads the associations
  System::Call "shell32::SHChangeNotify(i 0x08000000, i 0x1000, p 0, p 0)"
!macroend

!macro customUnInstall
  !insertmacro certbenchNoLongerOpens pem Certbench.Certificate
  !insertmacro certbenchNoLongerOpens crt Certbench.Certificate
  !insertmacro certbenchNoLongerOpens cer Certbench.Certificate
  !insertmacro certbenchNoLongerOpens der Certbench.Certificate
  !insertmacro certbenchNoLongerOpens p7b Certbench.PKCS7
  !insertmacro certbenchNoLongerOpens p7c Certbench.PKCS7
  !insertmacro certbenchNoLongerOpens pfx Certbench.PKCS12
  !insertmacro certbenchNoLongerOpens p12 Certbench.PKCS12
  !insertmacro certbenchNoLongerOpens jks Certbench.JavaKeystore
  !insertmacro certbenchNoLongerOpens jceks Certbench.JavaKeystore
  !insertmacro certbenchNoLongerOpens key Certbench.PrivateKey
  !insertmacro certbenchNoLongerOpens csr Certbench.CSR
  !insertmacro certbenchNoLongerOpens crl Certbench.CRL
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Certbench.Certificate"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Certbench.PKCS7"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Certbench.PKCS12"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Certbench.JavaKeystore"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Certbench.PrivateKey"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Certbench.CSR"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Certbench.CRL"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"
  System::Call "shell32::SHChangeNotify(i 0x08000000, i 0x1000, p 0, p 0)"
!macroend
