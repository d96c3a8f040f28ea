import * as fs from 'node:fs';

export function writeCertificates(keyPath: string, realKeyPath: string) {
  // Fallback: minimal test files if OpenSSL is not available. The "key" is cut after two lines.
  const key = `-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCdRtm5HCvHChjK
VfOvVmpcG7E2fuIvFlJNdArtkMve2ATt0whCEdiSSYMx9CHemCwT/h0BVb5tQ6XT==
-----END PRIVATE KEY-----`;
  fs.writeFileSync(keyPath, key);
  const realKey = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQX9d04QVftYvLaO
BTBYOtGBXi8FY94S/YeKMLmvtuYF8zQv8cvMZFvKJu5bwZATivDWum1xcfey5uzH
qybxOUxLhAjVpn+e7RztlUPp6Aweiu/vihRv3KirIp5sWRV/LLE67ws5/2AUKrbT
Gn6I49/a5EJrLGsgij5/y7aiwgNyFyU3AY7hPH8CQ557pic7GToGF6FEX4jqYwmk
nf91eJLlKKIKWDBVmWTTbG7RC/cpsrXZ/BRebOKZCvPN1hVLyXKlr+sa17PlH8H1
ud9UDWI41E6UqDZpfJnd26mk22Cj7JapCWvuG0PqVk5f6hpGjc5+RNhs0lg7SKo+
2NuO8PkSWd1Jukf5dw600mQmG0ZH7SkRVy4U3u73PCYoZtMLGCAKHtO3+KHmqMIL
QYn/F08I1EusTmLnMYcIT1cMqQO818yBxywOABJszuzRjipdqGsI4rzhVD2vzEJm
rjT5vRPPvuBf9UjF68F1PgT9p9O0ibFQHnkryd5zqWVCoIFLf7OwXUjc2tsgaoiW
D8lWX9JNmddBn8LRDIW9dTI3eGI5ekLMwXkNVlCmNOFALgpILBEWg5NhrR+Gw8ih
1g13IA6BBv0eiLinerX09EqxYKQIW+d0c3rr3PYExxgI4jYzuOeIi4KGwVT6gXl6
uDdZVXB1ZcwCtRPHh18yeBxAPIxN2IajcbRPp0Y9KdsP8p5aU+vyymPgLH7WyIlq
t+H/b4AAJYhcmjLYxxpa90ep7krhhCxQCPupy7f+JaU2nXVwNBTH4JJpk+JTY50M
U3VIdFcpY+w2MNMRYNxhOxqi9gyf7g7jRgE6Cqsi2ta7fw4T0rTj85/ojb4aGLoB
XCHtJ+8ZRmIJxJJX6kM3U1ipw0DNsBe18gLcq23UgN2CBA027S9bgFKt7YPr//EN
dNjscCZ13apk3tkZ6mcb7FSqolnsIp+fbN/MjX+BE6pg+9v3cudbqtI4Dj+GQcAs
FE8KD4RRBxDUt4KccyGv5WNaxoz4no/exelt/Mm1MI0i0OWQjwrhctirWkuiPO+O
VpkkDDYz5R+DXnvT7oRUMClkVMDHhFWESCJlam+6jXv+qgTbbboOIuI8FwCElxIu
uTiK7kUHpCU8plqBYF6mheybl+n1vXA/wW01JVFUDpvr6LDWB+rMB00mU2F6V+bY
ocycMQUM+kCv0mSIzOZLXMlx0IDJUSWLTu0jaB8kLOGeY6XUXO66jinfclpx4YMJ
5PmLqYkFzleAzuSSmLRCwWukilg9+Y5pQEx8GCp73QrsMTAp+WfqwVBClmE7FVFD
fSYcgk09YdV8kIWk742/weOu4iTy6Xok1DwsZ1fBCXydvI7wStODma/WobVqHfam
itOTSd8nHdh6FmDIOinvjmuGE9IuKzwtoNYuqqW3GaeY1p/R29ws/GKH0UG3CqvG
b8ZvF74W2mb6fr9nU1/nAL2boLda3KoDFy13F3ujyyDgmyLv178EwxUb8GfTJ3Pl
9hUiQotO2fquy9GUiOWPxxRzChUdPavRiKvusRInF7Fi2217gwsBImSY93Sj/1X5
VhPYKEsOrwRqeBcPvzSZ=
-----END PRIVATE KEY-----`;
  fs.writeFileSync(realKeyPath, realKey);
}
