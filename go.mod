module github.com/exlint/exlint

go 1.25.0

toolchain go1.26.8
