# The DAG: ADT-EX19-01 still runs Exchange 2019, ADT-SE-01 was upgraded in
# place to SE, ADT-SE-02 is a new server on Windows Server 2025.

server "ADT-EX19-01" {
  site    = "Amsterdam"
  version = "2019"
  update  = "CU15 Aug26SU"
  build   = "15.2.1748.49"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
}

server "ADT-SE-01" {
  site    = "Amsterdam"
  version = "SE"
  update  = "RTM Jul26SU"
  build   = "15.2.2562.45"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
}

# Patched in September 2026; the build is what ExSetup.exe reports.
server "ADT-SE-02" {
  site    = "Dublin"
  version = "SE"
  build   = "15.2.2562.48"
  roles   = ["mailbox"]
  os      = "2025"
  dotnet  = "4.8.1"
  network = "internal"
}

dag "ADT-DAG01" {
  members = ["ADT-EX19-01", "ADT-SE-01", "ADT-SE-02"]
  witness = "ADT-FS01"
}

# The next two SE servers, to be installed at CU2.
server "ADT-SE-03" {
  site    = "Dublin"
  version = "SE"
  update  = "CU2"
  roles   = ["mailbox"]
  os      = "2025"
}

# The journaling server, last updated in 2021.
server "ADT-EX16-JRNL" {
  site    = "Amsterdam"
  version = "2016"
  update  = "CU21"
  roles   = ["mailbox"]
  os      = "2016"
  dotnet  = "4.8"
}
